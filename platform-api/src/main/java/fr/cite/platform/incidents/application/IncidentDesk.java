package fr.cite.platform.incidents.application;

import static fr.cite.platform.incidents.application.IncidentSql.rows;

import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.IncidentPhoto;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.incidents.domain.LocalMetres;
import fr.cite.platform.incidents.domain.Routing;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestDesk;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents' side of reports: their services' queue, a report in full (with the reporter's contact
 * and the routing reason), status changes along the transition table with the public message (the
 * agent's, else the town's template for the category and status), requalifying (the report is
 * routed again), merging duplicates (followers move to the kept one), moderation of the public text
 * and photos (parts masked), scheduling. Every public change is an update the followers are
 * e-mailed, and moves the request of the common model along.
 */
@ApplicationService
public class IncidentDesk {

  @PersistenceContext EntityManager em;

  @Inject IncidentSetup setup;

  @Inject IncidentReports reports;

  @Inject IncidentMails mails;

  @Inject RequestDesk desk;

  @Inject IncidentReads reads;

  /** A row of the queue. */
  public record Row(
      long id,
      String reference,
      String category,
      IncidentStatus status,
      double lat,
      double lon,
      String address,
      String service,
      Instant createdAt,
      LocalDate expectedOn,
      int followers,
      String moderation) {}

  /** The queue: reports of these services (empty: all), open ones first, newest first. */
  public List<Row> queue(
      List<Long> serviceIds, boolean toRequalify, String state, int first, int size) {
    StringBuilder sql =
        new StringBuilder(
            "select i.id, d.reference, c.code, i.status, i.lat, i.lon, i.address, s.code,"
                + " i.created_at, i.expected_on, i.followers, i.moderation from incident i join"
                + " demande d on d.tenant_id = i.tenant_id and d.id = i.demande_id join"
                + " incident_category c on c.tenant_id = i.tenant_id and c.id = i.category_id"
                + " left join incident_service s on s.tenant_id = i.tenant_id and s.id ="
                + " i.service_id where true");
    if (!serviceIds.isEmpty()) {
      sql.append(
          toRequalify
              ? " and (i.service_id in (?1) or i.service_id is null)"
              : " and i.service_id in (?1)");
    } else if (toRequalify) {
      sql.append(" and i.service_id is null");
    }
    if ("open".equals(state)) {
      sql.append(" and i.status in ").append(IncidentReports.OPEN_STATUSES);
    } else if ("closed".equals(state)) {
      sql.append(" and i.status not in ").append(IncidentReports.OPEN_STATUSES);
    }
    sql.append(" order by i.created_at desc, i.id desc");
    var q = em.createNativeQuery(sql.toString()).setFirstResult(first).setMaxResults(size);
    if (!serviceIds.isEmpty()) {
      q.setParameter(1, serviceIds);
    }
    return rows(q).stream().map(IncidentDesk::row).toList();
  }

  private static Row row(Object[] r) {
    return new Row(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        IncidentStatus.valueOf((String) r[3]),
        ((Number) r[4]).doubleValue(),
        ((Number) r[5]).doubleValue(),
        (String) r[6],
        (String) r[7],
        IncidentSql.instant(r[8]),
        r[9] == null ? null : ((java.sql.Date) r[9]).toLocalDate(),
        ((Number) r[10]).intValue(),
        (String) r[11]);
  }

  /** A report as agents see it. */
  public record Detail(
      Row row,
      long demandeId,
      long categoryId,
      String routingReason,
      String description,
      String publicNote,
      String reporterName,
      String reporterEmail,
      String answer,
      String answerComment,
      int reopenCount,
      Long duplicateOf,
      List<Long> photoIds,
      List<IncidentReads.Update> updates,
      Map<String, List<String>> answers) {}

  public Detail detail(long id) {
    Object[] r =
        rows(
                em.createNativeQuery(
                        "select i.id, d.reference, c.code, i.status, i.lat, i.lon, i.address,"
                            + " s.code, i.created_at, i.expected_on, i.followers, i.moderation,"
                            + " i.demande_id, i.category_id, i.routing_reason,"
                            + " i.public_description, i.public_note, d.citizen_name,"
                            + " d.citizen_email, i.answer, i.answer_comment, i.reopen_count,"
                            + " i.duplicate_of, i.answers::text from incident i join demande d on"
                            + " d.tenant_id ="
                            + " i.tenant_id and d.id = i.demande_id join incident_category c on"
                            + " c.tenant_id = i.tenant_id and c.id = i.category_id left join"
                            + " incident_service s on s.tenant_id = i.tenant_id and s.id ="
                            + " i.service_id where i.id = ?1")
                    .setParameter(1, id))
            .stream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("incident-not-found", id));
    List<Long> photos =
        IncidentSql.values(
                em.createNativeQuery(
                        "select id from incident_photo where incident_id = ?1 order by position")
                    .setParameter(1, id))
            .stream()
            .map(n -> ((Number) n).longValue())
            .toList();
    return new Detail(
        row(r),
        ((Number) r[12]).longValue(),
        ((Number) r[13]).longValue(),
        (String) r[14],
        (String) r[15],
        (String) r[16],
        (String) r[17],
        (String) r[18],
        (String) r[19],
        (String) r[20],
        ((Number) r[21]).intValue(),
        IncidentSql.longOrNull(r[22]),
        photos,
        reads.updates(id),
        r[23] == null ? Map.of() : fr.cite.platform.requests.domain.FormData.parse((String) r[23]));
  }

  /**
   * Moves a report along the transition table, with a public message (the agent's, else the town's
   * for the category and status); the followers are e-mailed, the request follows.
   */
  public void move(long id, IncidentStatus to, String message, String note, String by) {
    Detail d = detail(id);
    IncidentStatus from = d.row().status();
    if (to == null || !from.canMoveTo(to)) {
      throw ProblemException.unprocessable(
          "incident-bad-move", id, from.label("fr"), to == null ? "?" : to.label("fr"));
    }
    String text =
        message != null && !message.isBlank()
            ? message.strip()
            : setup.template(d.categoryId(), to, "fr").orElse(null);
    apply(d, to, text, note, by);
  }

  private void apply(Detail d, IncidentStatus to, String publicText, String note, String by) {
    long id = d.row().id();
    em.createNativeQuery(
            "update incident set status = ?2, updated_at = now(), closed_at = case when ?3 then"
                + " null else coalesce(closed_at, now()) end, public_note = coalesce(nullif(?4,"
                + " ''), public_note) where id = ?1")
        .setParameter(1, id)
        .setParameter(2, to.name())
        .setParameter(3, to.open())
        .setParameter(4, publicText == null ? "" : publicText)
        .executeUpdate();
    reports.update(id, to, publicText);
    desk.follow(d.demandeId(), to.requestStatus(), note, by, false);
    mails.statusChanged(id, d.row().category(), to, publicText, reports.followers(id));
  }

  /** A new category or place: routed again (the reason kept), and the front desk's status left. */
  public Routing.Decision requalify(
      long id, String categoryCode, Double lat, Double lon, String by) {
    Detail d = detail(id);
    IncidentSetup.Category category =
        categoryCode == null || categoryCode.isBlank()
            ? setup.categories().stream()
                .filter(c -> c.id() == d.categoryId())
                .findFirst()
                .orElseThrow()
            : reports.requireLeaf(categoryCode);
    GeoPoint point =
        lat == null || lon == null
            ? new GeoPoint(d.row().lat(), d.row().lon())
            : reports.requireInTown(lat, lon);
    LocalMetres plane = setup.plane();
    Routing.Decision decision = setup.route(category, point, plane);
    IncidentStatus status = d.row().status();
    IncidentStatus next =
        status == IncidentStatus.TO_REQUALIFY && decision.serviceId().isPresent()
            ? IncidentStatus.NEW
            : status;
    em.createNativeQuery(
            "update incident set category_id = ?2, service_id = ?3, sector_id = ?4, lat = ?5,"
                + " lon = ?6, x = ?7, y = ?8, geo = point(?7, ?8), routing_reason = ?9, status ="
                + " ?10, updated_at = now() where id = ?1")
        .setParameter(1, id)
        .setParameter(2, category.id())
        .setParameter(3, decision.serviceId().orElse(null))
        .setParameter(4, decision.sectorId())
        .setParameter(5, point.lat())
        .setParameter(6, point.lon())
        .setParameter(7, plane.x(point))
        .setParameter(8, plane.y(point))
        .setParameter(9, "requalifié par " + by + " : " + decision.explanation())
        .setParameter(10, next.name())
        .executeUpdate();
    return decision;
  }

  /** Merges a duplicate into the report kept: followers move, the duplicate is closed. */
  public void merge(long duplicateId, long keptId, String by) {
    if (duplicateId == keptId) {
      throw ProblemException.unprocessable("incident-merge-itself");
    }
    Detail duplicate = detail(duplicateId);
    Detail kept = detail(keptId);
    if (!kept.row().status().open() && kept.row().status() != IncidentStatus.RESOLVED) {
      throw ProblemException.unprocessable("incident-merge-closed", keptId);
    }
    em.createNativeQuery(
            "insert into incident_follower (incident_id, email, created_at) select ?2, email,"
                + " created_at from incident_follower where incident_id = ?1 on conflict do"
                + " nothing")
        .setParameter(1, duplicateId)
        .setParameter(2, keptId)
        .executeUpdate();
    em.createNativeQuery(
            "update incident set followers = (select count(*) from incident_follower f where"
                + " f.tenant_id = incident.tenant_id and f.incident_id = incident.id) where id ="
                + " ?1")
        .setParameter(1, keptId)
        .executeUpdate();
    em.createNativeQuery("update incident set duplicate_of = ?2 where id = ?1")
        .setParameter(1, duplicateId)
        .setParameter(2, keptId)
        .executeUpdate();
    apply(
        duplicate,
        IncidentStatus.DUPLICATE,
        "Déjà signalé : suivi sur le signalement n° " + keptId + ".",
        null,
        by);
  }

  /**
   * What an agent publishes of a photo: hidden or not, and the parts masked (none: the photo as it
   * is; null: the published photo stays as it was masked before).
   */
  public record PhotoModeration(long photoId, boolean hidden, List<IncidentPhoto.Mask> masks) {}

  /** A report's photo as agents see its moderation: hidden, masked (published differs). */
  public record PhotoState(long id, boolean hidden, boolean masked) {}

  public List<PhotoState> photoStates(long id) {
    return rows(
            em.createNativeQuery(
                    "select id, hidden, public_content is not null and public_content <> content from"
                        + " incident_photo where incident_id = ?1 order by position")
                .setParameter(1, id))
        .stream()
        .map(r -> new PhotoState(((Number) r[0]).longValue(), (Boolean) r[1], (Boolean) r[2]))
        .toList();
  }

  public void moderate(
      long id, String publicText, boolean hide, List<PhotoModeration> photos, String by) {
    detail(id);
    List<Object[]> all =
        rows(
            em.createNativeQuery(
                    "select id, content, public_content from incident_photo where incident_id = ?1")
                .setParameter(1, id));
    // A photo named that is not the report's is refused before anything is written.
    if (photos != null
        && photos.stream()
            .anyMatch(
                x -> all.stream().noneMatch(p -> ((Number) p[0]).longValue() == x.photoId()))) {
      throw ProblemException.unprocessable("incident-photo-not-found", id);
    }
    em.createNativeQuery(
            "update incident set moderation = ?2, public_description = nullif(?3, ''),"
                + " updated_at = now() where id = ?1")
        .setParameter(1, id)
        .setParameter(2, hide ? "HIDDEN" : "PUBLISHED")
        .setParameter(3, publicText == null ? "" : publicText.strip())
        .executeUpdate();
    for (Object[] p : all) {
      long photoId = ((Number) p[0]).longValue();
      Optional<PhotoModeration> m =
          photos == null
              ? Optional.empty()
              : photos.stream().filter(x -> x.photoId() == photoId).findFirst();
      boolean hidden = m.map(PhotoModeration::hidden).orElse(false);
      // No masks given (the console's hide/show): what was published stays, masks included.
      boolean keep = m.isPresent() && m.get().masks() == null && p[2] != null;
      byte[] published =
          keep
              ? (byte[]) p[2]
              : m.filter(x -> x.masks() != null && !x.masks().isEmpty())
                  .map(x -> IncidentPhoto.masked((byte[]) p[1], x.masks()))
                  .orElse((byte[]) p[1]);
      em.createNativeQuery(
              "update incident_photo set hidden = ?2, public_content = ?3 where id = ?1")
          .setParameter(1, photoId)
          .setParameter(2, hidden)
          .setParameter(3, published)
          .executeUpdate();
    }
  }

  /** An expected date; the report is scheduled when it may be. */
  public void schedule(long id, LocalDate on, String by) {
    Detail d = detail(id);
    em.createNativeQuery("update incident set expected_on = ?2, updated_at = now() where id = ?1")
        .setParameter(1, id)
        .setParameter(2, on)
        .executeUpdate();
    if (d.row().status() != IncidentStatus.SCHEDULED
        && d.row().status().canMoveTo(IncidentStatus.SCHEDULED)) {
      apply(
          d,
          IncidentStatus.SCHEDULED,
          setup
              .template(d.categoryId(), IncidentStatus.SCHEDULED, "fr")
              .orElse(
                  "Intervention prévue le "
                      + on.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                      + "."),
          null,
          by);
    }
  }

  /** The agent's view of a photo (as re-encoded: no EXIF). */
  public byte[] photo(long id, long photoId) {
    return IncidentSql.values(
            em.createNativeQuery(
                    "select content from incident_photo where id = ?1 and incident_id = ?2")
                .setParameter(1, photoId)
                .setParameter(2, id))
        .stream()
        .map(byte[].class::cast)
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("incident-photo-not-found", id));
  }
}
