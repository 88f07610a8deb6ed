package fr.cite.platform.incidents.application;

import static fr.cite.platform.incidents.application.IncidentSql.rows;

import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.IncidentPhoto;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.incidents.domain.LocalMetres;
import fr.cite.platform.incidents.domain.Outline;
import fr.cite.platform.incidents.domain.Routing;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestCatalog;
import fr.cite.platform.requests.application.RequestDesk;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FormCheck;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reporting an incident: a point in the town, a category of its tree, a text and photos; filed as a
 * request of kind "signalement" of the common model (so it shows in "Mon compte" and the agents'
 * queue), routed to its service with the reason kept, and sent exactly once whatever the number of
 * retries of an offline draft (idempotency key). Also the open reports nearby (shown before the
 * category, to follow instead of filing twice), following, and the reporter's "fixed?" answer.
 */
@ApplicationService
public class IncidentReports {

  public static final String TYPE = "signalement";
  static final String SUMMARY = "resume";
  static final int MAX_PHOTOS = 3;
  static final int NEARBY = 5;
  static final int MAX_REOPENS = 3;
  static final String OPEN_STATUSES =
      "('NEW', 'TO_REQUALIFY', 'ACKNOWLEDGED', 'SCHEDULED', 'IN_PROGRESS', 'WAITING',"
          + " 'TRANSFERRED', 'REOPENED')";

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject IncidentSetup setup;

  @Inject CommuneOutlines outlines;

  @Inject Requests requests;

  @Inject RequestCatalog catalog;

  @Inject RequestDesk desk;

  @Inject IncidentMails mails;

  /** How the reporter appears publicly. */
  public enum ShownAs {
    HIDDEN,
    INITIALS,
    NAME
  }

  /** Everything a report says. */
  public record Report(
      String categoryCode,
      double lat,
      double lon,
      Integer accuracyM,
      String source,
      String address,
      String description,
      ShownAs shownAs,
      List<Requests.Upload> photos,
      Demande.Citizen citizen,
      String idempotencyKey,
      RequestChannel channel,
      String language,
      Map<String, List<String>> answers) {}

  /** A report filed; the tracking code is shown once, for a reporter without account. */
  public record Filed(
      long id,
      String reference,
      String trackingCode,
      IncidentStatus status,
      String routing,
      boolean alreadyFiled) {}

  public Filed file(Report r) {
    if (r.idempotencyKey() != null) {
      em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
          .setParameter(1, "incident:" + tenant.require().id() + ":" + r.idempotencyKey())
          .getSingleResult();
      List<Object[]> seen =
          rows(
              em.createNativeQuery(
                      "select i.id, d.reference, i.status, i.routing_reason from incident i"
                          + " join demande d on d.tenant_id = i.tenant_id and d.id = i.demande_id"
                          + " where i.idempotency_key = ?1")
                  .setParameter(1, r.idempotencyKey()));
      if (!seen.isEmpty()) {
        Object[] s = seen.get(0);
        return new Filed(
            ((Number) s[0]).longValue(),
            (String) s[1],
            null,
            IncidentStatus.valueOf((String) s[2]),
            (String) s[3],
            true);
      }
    }
    GeoPoint point = requireInTown(r.lat(), r.lon());
    IncidentSetup.Category category = requireLeaf(r.categoryCode());
    List<IncidentPhoto> photos = photos(r.photos());
    List<ProblemException.FieldProblem> problems = new java.util.ArrayList<>();
    if (category.photoRequired() && photos.isEmpty()) {
      problems.add(
          new ProblemException.FieldProblem("photos", "incident.photo-required", List.of()));
    }
    // The category's own fields, checked as a request's form is.
    FormCheck.Result checked =
        FormCheck.check(
            category.form(),
            r.answers() == null ? Map.of() : r.answers(),
            Map.of(),
            false,
            LocalDate.now(Requests.TOWN_ZONE));
    checked
        .violations()
        .forEach(
            v ->
                problems.add(
                    new ProblemException.FieldProblem("answers." + v.field(), v.key(), v.args())));
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    LocalMetres plane = setup.plane();
    Routing.Decision decision = setup.route(category, point, plane);
    catalog.ensureSummaryType(
        TYPE,
        new LocalizedText("Signalement", "Incident report"),
        new LocalizedText(
            "Un problème dans l'espace public signalé sur la carte.",
            "A problem in a public space reported on the map."),
        "espace-public",
        new LocalizedText("Espace public", "Public space"),
        SUMMARY,
        true,
        900);
    String summary =
        category.nameFr()
            + (r.address() == null || r.address().isBlank() ? "" : " — " + r.address().strip())
            + (r.description() == null || r.description().isBlank()
                ? ""
                : "\n" + r.description().strip());
    Requests.Filed filed =
        requests.file(
            new Requests.Filing(
                TYPE,
                r.citizen(),
                r.channel(),
                Map.of(
                    SUMMARY,
                    List.of(summary.length() > 2000 ? summary.substring(0, 2000) : summary)),
                List.of(),
                false,
                null,
                DemandeEvent.Actor.CITIZEN,
                r.citizen().name(),
                r.language()));
    Demande d = filed.demande();
    IncidentStatus status = decision.initialStatus();
    ShownAs shown = r.shownAs() == null ? ShownAs.HIDDEN : r.shownAs();
    String label = shownLabel(shown, r.citizen().name());
    if (label == null) {
      shown = ShownAs.HIDDEN;
    }
    Instant now = Instant.now();
    long id =
        ((Number) em.createNativeQuery("select nextval('incident_seq')").getSingleResult())
            .longValue();
    em.createNativeQuery(
            "insert into incident (id, demande_id, category_id, service_id, sector_id, status,"
                + " lat, lon, x, y, geo, accuracy_m, location_source, address,"
                + " public_description, reporter_shown_as, reporter_label, routing_reason,"
                + " idempotency_key, created_at, updated_at, answers) values (?1, ?2, ?3, ?4, ?5,"
                + " ?6, ?7, ?8, ?9, ?10, point(?9, ?10), nullif(?11, -1), ?12, nullif(?13, ''),"
                + " nullif(?14, ''), ?15, nullif(?16, ''), ?17, nullif(?18, ''), ?19, ?19,"
                + " cast(nullif(?20, '') as jsonb))")
        .setParameter(1, id)
        .setParameter(2, d.id())
        .setParameter(3, category.id())
        .setParameter(4, decision.serviceId().orElse(null))
        .setParameter(5, decision.sectorId())
        .setParameter(6, status.name())
        .setParameter(7, point.lat())
        .setParameter(8, point.lon())
        .setParameter(9, plane.x(point))
        .setParameter(10, plane.y(point))
        .setParameter(11, r.accuracyM() == null ? -1 : r.accuracyM())
        .setParameter(12, source(r.source()))
        .setParameter(13, r.address() == null ? "" : r.address().strip())
        .setParameter(14, r.description() == null ? "" : r.description().strip())
        .setParameter(15, shown.name())
        .setParameter(16, label == null ? "" : label)
        .setParameter(17, decision.explanation())
        .setParameter(18, r.idempotencyKey() == null ? "" : r.idempotencyKey())
        .setParameter(19, now)
        .setParameter(
            20,
            checked.data().isEmpty()
                ? ""
                : fr.cite.platform.requests.domain.FormData.toJson(checked.data()))
        .executeUpdate();
    int position = 0;
    for (IncidentPhoto p : photos) {
      em.createNativeQuery(
              "insert into incident_photo (id, incident_id, position, content, width, height,"
                  + " created_at) values (nextval('incident_seq'), ?1, ?2, ?3, ?4, ?5, now())")
          .setParameter(1, id)
          .setParameter(2, position++)
          .setParameter(3, p.jpeg())
          .setParameter(4, p.width())
          .setParameter(5, p.height())
          .executeUpdate();
    }
    update(id, status, category.message("fr"));
    if (r.citizen().email() != null && !r.citizen().email().isBlank()) {
      addFollower(id, r.citizen().email());
    }
    return new Filed(
        id,
        d.reference().orElseThrow(),
        filed.trackingCode(),
        status,
        decision.explanation(),
        false);
  }

  /** A valid position inside the town's outline; else a problem naming where it is. */
  GeoPoint requireInTown(double lat, double lon) {
    if (!GeoPoint.valid(lat, lon)) {
      throw ProblemException.invalidFields(
          List.of(new ProblemException.FieldProblem("lat", "incident.bad-position", List.of())));
    }
    GeoPoint p = new GeoPoint(lat, lon);
    Outline town = setup.outline();
    if (!town.contains(p)) {
      Optional<CommuneOutlines.Found> other = outlines.containing(p);
      throw other
          .map(o -> ProblemException.unprocessable("incident-outside-town", o.name()))
          .orElseGet(() -> ProblemException.unprocessable("incident-outside-any"));
    }
    return p;
  }

  IncidentSetup.Category requireLeaf(String code) {
    List<IncidentSetup.Category> all = setup.categories();
    IncidentSetup.Category c =
        all.stream()
            .filter(x -> x.code().equals(code))
            .findFirst()
            .orElseThrow(() -> ProblemException.unprocessable("incident-unknown-category", code));
    if (IncidentSetup.hasChildren(all, c)) {
      throw ProblemException.unprocessable("incident-category-not-leaf", code);
    }
    return c;
  }

  static List<IncidentPhoto> photos(List<Requests.Upload> uploads) {
    List<IncidentPhoto> out = new ArrayList<>();
    if (uploads == null) {
      return out;
    }
    if (uploads.size() > MAX_PHOTOS) {
      throw ProblemException.unprocessable("incident-too-many-photos", MAX_PHOTOS);
    }
    for (Requests.Upload u : uploads) {
      IncidentPhoto.Outcome o = IncidentPhoto.prepare(u.fileName(), u.content());
      String name = u.fileName() == null ? "?" : u.fileName();
      out.add(
          o.photo()
              .orElseThrow(
                  () ->
                      ProblemException.unprocessable(
                          "attachment-" + o.refusal().name().toLowerCase(Locale.ROOT), name)));
    }
    return out;
  }

  static String source(String s) {
    return s != null && List.of("GPS", "MAP", "ADDRESS").contains(s) ? s : "MAP";
  }

  /** "Claire D." style initials, or the name, or nothing when there is no name. */
  static String shownLabel(ShownAs shown, String name) {
    if (shown == ShownAs.HIDDEN || name == null || name.isBlank() || name.contains("@")) {
      return null;
    }
    if (shown == ShownAs.NAME) {
      return name.strip();
    }
    StringBuilder s = new StringBuilder();
    for (String part : name.strip().split("\\s+")) {
      s.append(s.length() == 0 ? "" : " ").append(part.substring(0, 1).toUpperCase()).append('.');
    }
    return s.toString();
  }

  /** A public update (Open311's servicerequestupdates). */
  void update(long incidentId, IncidentStatus status, String message) {
    em.createNativeQuery(
            "insert into incident_update (id, incident_id, status, message, created_at)"
                + " values (nextval('incident_seq'), ?1, ?2, nullif(?3, ''), now())")
        .setParameter(1, incidentId)
        .setParameter(2, status.name())
        .setParameter(3, message == null ? "" : message)
        .executeUpdate();
  }

  /** Someone told of a report's changes, with the key of their "stop following" link. */
  public record Follower(String email, java.util.UUID token) {}

  /** Adds a follower; their token when they were not following yet. */
  Optional<java.util.UUID> addFollower(long incidentId, String email) {
    Optional<java.util.UUID> added =
        IncidentSql.values(
                em.createNativeQuery(
                        "insert into incident_follower (incident_id, email, created_at) values"
                            + " (?1, ?2, now()) on conflict do nothing returning unsubscribe_token")
                    .setParameter(1, incidentId)
                    .setParameter(2, email.strip().toLowerCase(Locale.ROOT)))
            .stream()
            .map(t -> (java.util.UUID) t)
            .findFirst();
    if (added.isPresent()) {
      em.createNativeQuery("update incident set followers = followers + 1 where id = ?1")
          .setParameter(1, incidentId)
          .executeUpdate();
    }
    return added;
  }

  List<Follower> followers(long incidentId) {
    return rows(
            em.createNativeQuery(
                    "select email, unsubscribe_token from incident_follower where incident_id = ?1"
                        + " order by created_at")
                .setParameter(1, incidentId))
        .stream()
        .map(r -> new Follower((String) r[0], (java.util.UUID) r[1]))
        .toList();
  }

  /**
   * Stops a follower's e-mails, by the token of their link; 404 for a token that is not (or no
   * longer) this report's.
   */
  public void unfollow(long incidentId, java.util.UUID token) {
    int removed =
        em.createNativeQuery(
                "delete from incident_follower where incident_id = ?1 and unsubscribe_token = ?2")
            .setParameter(1, incidentId)
            .setParameter(2, token)
            .executeUpdate();
    if (removed == 0) {
      throw ProblemException.notFound("incident-follower-unknown");
    }
    em.createNativeQuery("update incident set followers = greatest(followers - 1, 0) where id = ?1")
        .setParameter(1, incidentId)
        .executeUpdate();
  }

  // ---- nearby

  /** An open report near a point, shown before filing. */
  public record Nearby(
      long id,
      IncidentStatus status,
      int distanceM,
      Long photoId,
      Instant createdAt,
      int followers) {}

  /**
   * The open public reports of the category within its duplicate radius, nearest first (five at
   * most): the index gives the nearest, the radius is checked on them.
   */
  public List<Nearby> nearby(String categoryCode, double lat, double lon) {
    IncidentSetup.Category c = requireLeaf(categoryCode);
    GeoPoint p = requireInTown(lat, lon);
    LocalMetres plane = setup.plane();
    return rows(
            em.createNativeQuery(
                    "select i.id, i.status, i.geo <-> point(?3, ?4) as d, (select min(f.id)"
                        + " from incident_photo f where f.tenant_id = i.tenant_id and"
                        + " f.incident_id = i.id and not f.hidden and f.public_content is not"
                        + " null), i.created_at, i.followers from incident i where i.tenant_id"
                        + " = ?1 and i.category_id = ?2 and i.status in "
                        + OPEN_STATUSES
                        + " and i.moderation <> 'HIDDEN' order by i.geo <-> point(?3, ?4)"
                        + " limit "
                        + NEARBY)
                .setParameter(1, tenant.require().id())
                .setParameter(2, c.id())
                .setParameter(3, plane.x(p))
                .setParameter(4, plane.y(p)))
        .stream()
        .filter(r -> ((Number) r[2]).doubleValue() <= c.duplicateRadiusM())
        .map(
            r ->
                new Nearby(
                    ((Number) r[0]).longValue(),
                    IncidentStatus.valueOf((String) r[1]),
                    (int) Math.round(((Number) r[2]).doubleValue()),
                    IncidentSql.longOrNull(r[3]),
                    IncidentSql.instant(r[4]),
                    ((Number) r[5]).intValue()))
        .toList();
  }

  // ---- following and answering

  /** "Me too" / follow by e-mail; returns the number of followers. */
  public int follow(long incidentId, String email) {
    Object[] i = requirePublic(incidentId);
    addFollower(incidentId, email)
        .ifPresent(
            token ->
                mails.following(incidentId, (String) i[1], new Follower(email.strip(), token)));
    return ((Number)
            em.createNativeQuery("select followers from incident where id = ?1")
                .setParameter(1, incidentId)
                .getSingleResult())
        .intValue();
  }

  private Object[] requirePublic(long incidentId) {
    return rows(
            em.createNativeQuery(
                    "select i.id, c.name_fr from incident i join incident_category c on"
                        + " c.tenant_id = i.tenant_id and c.id = i.category_id where i.id = ?1"
                        + " and c.public and i.moderation <> 'HIDDEN'")
                .setParameter(1, incidentId))
        .stream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("incident-not-found", incidentId));
  }

  /** The reporter's answer to "fixed?". */
  public enum Answer {
    YES,
    PARTLY,
    NO
  }

  /**
   * The reporter (signed in, or with the request's reference and tracking code) answers once per
   * resolution; "no" reopens the report when its category allows it (three times at most), with
   * their comment kept for the agents.
   */
  public IncidentStatus answer(
      long incidentId, Answer answer, String comment, String subject, String trackingCode) {
    Object[] i =
        rows(
                em.createNativeQuery(
                        "select i.demande_id, i.status, i.answered_at, i.updated_at,"
                            + " c.reopen_allowed, i.reopen_count, c.name_fr, d.reference"
                            + " from incident i join incident_category c on c.tenant_id ="
                            + " i.tenant_id and c.id = i.category_id join demande d on"
                            + " d.tenant_id = i.tenant_id and d.id = i.demande_id where i.id = ?1")
                    .setParameter(1, incidentId))
            .stream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("incident-not-found", incidentId));
    String reference = (String) i[7];
    if (subject != null) {
      requests.ownRequest(reference, subject);
    } else {
      requests.tracked(reference, trackingCode == null ? "" : trackingCode);
    }
    IncidentStatus status = IncidentStatus.valueOf((String) i[1]);
    if (!status.reopenableByReporter()) {
      throw ProblemException.conflict("incident-not-resolved", incidentId);
    }
    Instant answeredAt = IncidentSql.instant(i[2]);
    if (answeredAt != null && !answeredAt.isBefore(IncidentSql.instant(i[3]))) {
      throw ProblemException.conflict("incident-already-answered", incidentId);
    }
    boolean reopen =
        answer == Answer.NO && (Boolean) i[4] && ((Number) i[5]).intValue() < MAX_REOPENS;
    IncidentStatus next = reopen ? IncidentStatus.REOPENED : status;
    em.createNativeQuery(
            "update incident set answer = ?2, answer_comment = nullif(?3, ''), answered_at ="
                + " now(), status = ?4, reopen_count = reopen_count + ?5, closed_at = case when"
                + " ?5 = 1 then null else closed_at end, updated_at = case when ?5 = 1 then now()"
                + " else updated_at end where id = ?1")
        .setParameter(1, incidentId)
        .setParameter(2, answer.name())
        .setParameter(3, comment == null ? "" : comment.strip())
        .setParameter(4, next.name())
        .setParameter(5, reopen ? 1 : 0)
        .executeUpdate();
    if (reopen) {
      String message = "Rouvert : le déclarant indique que ce n'est pas réparé.";
      update(incidentId, next, message);
      desk.follow(
          ((Number) i[0]).longValue(), RequestStatus.IN_PROGRESS, comment, "déclarant", false);
      mails.statusChanged(incidentId, (String) i[6], next, message, followers(incidentId));
    }
    return next;
  }
}
