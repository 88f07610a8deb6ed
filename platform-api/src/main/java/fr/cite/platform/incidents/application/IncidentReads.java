package fr.cite.platform.incidents.application;

import static fr.cite.platform.incidents.application.IncidentSql.rows;

import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.incidents.domain.LocalMetres;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * What the public sees of reports: the map of a box (counts per grid cell below street zoom, so a
 * map of a million reports stays light; the reports themselves above it), the list of the same box
 * with the same ids, a report's public page, its public photos, and the town's sectors as GeoJSON.
 * Public fields only: never the reporter, their contact, internal notes or raw photos; text and
 * photos once an agent moderated them; the position rounded.
 */
@ApplicationService
public class IncidentReads {

  /** From this zoom on, the reports themselves; below, counts per cell. */
  public static final int STREET_ZOOM = 16;

  /** A cell is 64 screen pixels wide. */
  static final int CELL_PIXELS = 64;

  /** Reports drawn one by one at most; more than that and cells again. */
  static final int MAX_MARKERS = 1000;

  public static final int LIST_SIZE = 20;

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject IncidentSetup setup;

  /** The map's and the list's filters; empty filters nothing. */
  public record Filter(
      double minLat,
      double minLon,
      double maxLat,
      double maxLon,
      int zoom,
      Set<String> categories,
      String state,
      Integer days) {}

  /** A cell of several reports, or one report. */
  public record Feature(
      String kind, double lat, double lon, int count, Long id, String status, String category) {}

  /** A report in the list (the same ids as the map's). */
  public record Item(
      long id,
      String category,
      String status,
      double lat,
      double lon,
      Instant createdAt,
      Instant updatedAt,
      String service) {}

  /** The map and the list of one box, with the town's categories they were read with. */
  public record MapView(
      boolean clustered,
      long total,
      List<Feature> features,
      List<Item> items,
      int page,
      List<IncidentSetup.Category> categories) {}

  /** How long a view of cells (below the street zoom) is served as it was computed. */
  static final long CELLS_TTL_MILLIS = 30_000;

  /** Views of cells kept at most, all towns together (about 50 KB each at most). */
  static final int CELLS_KEPT = 500;

  private record CellsKey(long tenant, Filter filter, int page) {}

  private record CellsView(CompletableFuture<MapView> view, long expiresAtMillis) {}

  /**
   * Views of cells being computed or computed recently. Below the street zoom a view counts most of
   * a town's reports (a million: seconds of aggregation), and every visitor of the city-wide map
   * asks the same: one request computes it, the others asking meanwhile wait for that answer, and
   * it is served for {@link #CELLS_TTL_MILLIS} (a count per cell half a minute old; reports
   * themselves, at the street zoom, are always read fresh). When it expires, the next request
   * computes it again while the others are served the previous one.
   */
  private static final ConcurrentHashMap<CellsKey, CellsView> CELLS = new ConcurrentHashMap<>();

  public MapView map(Filter f, int page) {
    if (f.zoom() >= STREET_ZOOM) {
      return read(f, page);
    }
    CellsKey key = new CellsKey(tenant.require().id(), f, page);
    long now = System.currentTimeMillis();
    CellsView known = CELLS.get(key);
    if (known == null || (known.expiresAtMillis() <= now && known.view().isDone())) {
      CompletableFuture<MapView> mine = new CompletableFuture<>();
      CellsView fresh = new CellsView(mine, now + CELLS_TTL_MILLIS);
      boolean computing =
          known == null ? CELLS.putIfAbsent(key, fresh) == null : CELLS.replace(key, known, fresh);
      if (computing) {
        if (CELLS.size() > CELLS_KEPT) {
          CELLS.entrySet().removeIf(e -> e.getValue().view().isDone());
        }
        try {
          MapView view = read(f, page);
          mine.complete(view);
          return view;
        } catch (RuntimeException e) {
          CELLS.remove(key, fresh);
          mine.completeExceptionally(e);
          throw e;
        }
      }
      if (known != null) {
        // Another request is computing it again: the view of half a minute ago meanwhile.
        try {
          return known.view().join();
        } catch (java.util.concurrent.CompletionException
            | java.util.concurrent.CancellationException e) {
          return read(f, page);
        }
      }
      known = CELLS.get(key);
      if (known == null) {
        return read(f, page);
      }
    }
    try {
      return known.view().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return read(f, page);
    } catch (ExecutionException | TimeoutException e) {
      // The request computing it failed or is stuck: this one reads for itself.
      return read(f, page);
    }
  }

  private MapView read(Filter f, int page) {
    LocalMetres plane = setup.plane();
    double x1 = plane.x(new GeoPoint(f.minLat(), f.minLon()));
    double x2 = plane.x(new GeoPoint(f.minLat(), f.maxLon()));
    double y1 = plane.y(new GeoPoint(f.minLat(), f.minLon()));
    double y2 = plane.y(new GeoPoint(f.maxLat(), f.minLon()));
    // The public categories asked, as ids: the reports' table alone is read, no join.
    List<IncidentSetup.Category> all = setup.categories();
    Map<Long, String> codes = publicCategories(all, f.categories());
    if (codes.isEmpty()) {
      return new MapView(false, 0, List.of(), List.of(), page, all);
    }
    List<Long> categoryIds = List.copyOf(codes.keySet());
    String where = where(f);
    List<Feature> features = new ArrayList<>();
    long total;
    boolean clustered = f.zoom() < STREET_ZOOM;
    if (!clustered) {
      total =
          ((Number)
                  bind(
                          em.createNativeQuery("select count(*) from incident i" + where),
                          x1,
                          x2,
                          y1,
                          y2,
                          f,
                          categoryIds)
                      .getSingleResult())
              .longValue();
      clustered = total > MAX_MARKERS;
    } else {
      total = 0;
    }
    if (clustered) {
      double cell = 156_543.03 * Math.cos(Math.toRadians(plane.lat0())) / Math.pow(2, f.zoom());
      cell = Math.max(1, cell * CELL_PIXELS);
      long sum = 0;
      for (Object[] r :
          rows(
              bind(
                  em.createNativeQuery(
                      "select floor(i.x / "
                          + cell
                          + "), floor(i.y / "
                          + cell
                          + "), count(*), avg(i.lat), avg(i.lon), min(i.id), min(i.status),"
                          + " min(i.category_id) from incident i"
                          + where
                          + " group by 1, 2"),
                  x1,
                  x2,
                  y1,
                  y2,
                  f,
                  categoryIds))) {
        int count = ((Number) r[2]).intValue();
        sum += count;
        GeoPoint at =
            new GeoPoint(((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue()).rounded();
        features.add(
            count == 1
                ? new Feature(
                    "report",
                    at.lat(),
                    at.lon(),
                    1,
                    ((Number) r[5]).longValue(),
                    (String) r[6],
                    codes.get(((Number) r[7]).longValue()))
                : new Feature("cluster", at.lat(), at.lon(), count, null, null, null));
      }
      total = sum;
    } else {
      for (Object[] r :
          rows(
              bind(
                  em.createNativeQuery(
                      "select i.id, i.lat, i.lon, i.status, i.category_id from incident i"
                          + where
                          + " order by i.id"),
                  x1,
                  x2,
                  y1,
                  y2,
                  f,
                  categoryIds))) {
        GeoPoint at =
            new GeoPoint(((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()).rounded();
        features.add(
            new Feature(
                "report",
                at.lat(),
                at.lon(),
                1,
                ((Number) r[0]).longValue(),
                (String) r[3],
                codes.get(((Number) r[4]).longValue())));
      }
    }
    List<Item> items =
        rows(
                bind(
                        em.createNativeQuery(
                            "select i.id, i.category_id, i.status, i.lat, i.lon, i.created_at,"
                                + " i.updated_at, s.name_fr from incident i left join"
                                + " incident_service s on s.tenant_id = i.tenant_id and s.id ="
                                + " i.service_id"
                                + where
                                + " order by i.created_at desc, i.id desc"),
                        x1,
                        x2,
                        y1,
                        y2,
                        f,
                        categoryIds)
                    .setFirstResult(page * LIST_SIZE)
                    .setMaxResults(LIST_SIZE))
            .stream()
            .map(
                r -> {
                  GeoPoint at =
                      new GeoPoint(((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue())
                          .rounded();
                  return new Item(
                      ((Number) r[0]).longValue(),
                      codes.get(((Number) r[1]).longValue()),
                      (String) r[2],
                      at.lat(),
                      at.lon(),
                      IncidentSql.instant(r[5]),
                      IncidentSql.instant(r[6]),
                      (String) r[7]);
                })
            .toList();
    return new MapView(clustered, total, features, items, page, all);
  }

  /**
   * The town's public categories asked (a parent brings its children; none asked: all), by id with
   * their codes.
   */
  private static Map<Long, String> publicCategories(
      List<IncidentSetup.Category> categories, Set<String> asked) {
    List<IncidentSetup.Category> all =
        categories.stream().filter(IncidentSetup.Category::isPublic).toList();
    Set<Long> chosen =
        asked == null || asked.isEmpty()
            ? null
            : all.stream()
                .filter(c -> asked.contains(c.code()))
                .map(IncidentSetup.Category::id)
                .collect(Collectors.toSet());
    Map<Long, String> out = new java.util.LinkedHashMap<>();
    for (IncidentSetup.Category c : all) {
      if (chosen == null
          || chosen.contains(c.id())
          || (c.parentId() != null && chosen.contains(c.parentId()))) {
        out.put(c.id(), c.code());
      }
    }
    return out;
  }

  /** The public condition, the tenant explicit (the planner then knows the town's size). */
  private static String where(Filter f) {
    StringBuilder w =
        new StringBuilder(
            " where i.tenant_id = :tenant and i.x >= :x1 and i.x <= :x2 and i.y >= :y1 and i.y <="
                + " :y2 and i.category_id in (:categories) and i.moderation <> 'HIDDEN' and"
                + " i.status <> 'DUPLICATE'");
    if ("open".equals(f.state())) {
      w.append(" and i.status in ").append(IncidentReports.OPEN_STATUSES);
    } else if ("closed".equals(f.state())) {
      w.append(" and i.status not in ").append(IncidentReports.OPEN_STATUSES);
    }
    if (f.days() != null) {
      w.append(" and i.created_at >= :since");
    }
    return w.toString();
  }

  private Query bind(
      Query q, double x1, double x2, double y1, double y2, Filter f, List<Long> categoryIds) {
    q.setParameter("tenant", tenant.require().id())
        .setParameter("x1", x1)
        .setParameter("x2", x2)
        .setParameter("y1", y1)
        .setParameter("y2", y2);
    if (f.days() != null) {
      q.setParameter("since", Instant.now().minus(Duration.ofDays(f.days())));
    }
    q.setParameter("categories", categoryIds);
    return q;
  }

  // ---- a report's public page

  /** A public update of a report. */
  public record Update(long id, String status, String message, Instant at) {}

  /** What anyone may read of a report. */
  public record PublicReport(
      long id,
      String categoryCode,
      String categoryNameFr,
      String categoryNameEn,
      IncidentStatus status,
      String publicNote,
      String description,
      String address,
      double lat,
      double lon,
      Instant createdAt,
      Instant updatedAt,
      LocalDate expectedOn,
      String serviceFr,
      String serviceEn,
      String reporter,
      int followers,
      List<Long> photoIds,
      List<Update> updates) {

    public String categoryName(String language) {
      return "en".equals(language) && categoryNameEn != null ? categoryNameEn : categoryNameFr;
    }

    public String serviceName(String language) {
      return "en".equals(language) && serviceEn != null ? serviceEn : serviceFr;
    }
  }

  public Optional<PublicReport> report(long id) {
    List<Object[]> found =
        rows(
            em.createNativeQuery(
                    "select i.id, c.code, c.name_fr, c.name_en, i.status, i.public_note,"
                        + " case when i.moderation = 'PUBLISHED' then i.public_description end,"
                        + " case when i.moderation = 'PUBLISHED' then i.address end, i.lat, i.lon,"
                        + " i.created_at, i.updated_at, i.expected_on, s.name_fr, s.name_en,"
                        + " case when i.reporter_shown_as <> 'HIDDEN' then i.reporter_label end,"
                        + " i.followers from incident i join incident_category c on c.tenant_id"
                        + " = i.tenant_id and c.id = i.category_id left join incident_service s"
                        + " on s.tenant_id = i.tenant_id and s.id = i.service_id where i.id = ?1"
                        + " and c.public and i.moderation <> 'HIDDEN'")
                .setParameter(1, id));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = found.get(0);
    List<Long> photos =
        IncidentSql.values(
                em.createNativeQuery(
                        "select id from incident_photo where incident_id = ?1 and not hidden and"
                            + " public_content is not null order by position")
                    .setParameter(1, id))
            .stream()
            .map(n -> ((Number) n).longValue())
            .toList();
    GeoPoint at =
        new GeoPoint(((Number) r[8]).doubleValue(), ((Number) r[9]).doubleValue()).rounded();
    return Optional.of(
        new PublicReport(
            id,
            (String) r[1],
            (String) r[2],
            (String) r[3],
            IncidentStatus.valueOf((String) r[4]),
            (String) r[5],
            (String) r[6],
            (String) r[7],
            at.lat(),
            at.lon(),
            IncidentSql.instant(r[10]),
            IncidentSql.instant(r[11]),
            r[12] == null ? null : ((java.sql.Date) r[12]).toLocalDate(),
            (String) r[13],
            (String) r[14],
            (String) r[15],
            ((Number) r[16]).intValue(),
            photos,
            updates(id)));
  }

  public PublicReport requireReport(long id) {
    return report(id).orElseThrow(() -> ProblemException.notFound("incident-not-found", id));
  }

  /** A report's public updates, oldest first. */
  public List<Update> updates(long incidentId) {
    return rows(
            em.createNativeQuery(
                    "select id, status, message, created_at from incident_update"
                        + " where incident_id = ?1 order by created_at, id")
                .setParameter(1, incidentId))
        .stream()
        .map(
            r ->
                new Update(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    IncidentSql.instant(r[3])))
        .toList();
  }

  /** A public update with the report it belongs to (servicerequestupdates). */
  public record ReportUpdate(long incidentId, Update update) {}

  public List<ReportUpdate> updatesBetween(Instant from, Instant to) {
    Query q =
        em.createNativeQuery(
                "select u.id, u.incident_id, u.status, u.message, u.created_at from incident_update"
                    + " u join incident i on i.tenant_id = u.tenant_id and i.id = u.incident_id"
                    + " join incident_category c on c.tenant_id = i.tenant_id and c.id ="
                    + " i.category_id where c.public and i.moderation <> 'HIDDEN' and"
                    + " u.created_at >= ?1 and u.created_at <= ?2 order by u.created_at, u.id")
            .setParameter(1, from)
            .setParameter(2, to)
            .setMaxResults(1000);
    return rows(q).stream()
        .map(
            r ->
                new ReportUpdate(
                    ((Number) r[1]).longValue(),
                    new Update(
                        ((Number) r[0]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        IncidentSql.instant(r[4]))))
        .toList();
  }

  /** A public photo (moderated, masked), or nothing. */
  public Optional<byte[]> publicPhoto(long incidentId, long photoId) {
    if (report(incidentId).isEmpty()) {
      return Optional.empty();
    }
    return IncidentSql.values(
            em.createNativeQuery(
                    "select public_content from incident_photo where id = ?1 and incident_id = ?2"
                        + " and not hidden and public_content is not null")
                .setParameter(1, photoId)
                .setParameter(2, incidentId))
        .stream()
        .map(byte[].class::cast)
        .findFirst();
  }

  /** The town's outline and its sectors, as a GeoJSON FeatureCollection (the blank map's layer). */
  public String geoJson() {
    StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    s.append(feature("town", "commune", setup.outline().ringJson()));
    for (IncidentSetup.SectorRow sector : setup.sectors()) {
      s.append(',').append(feature(sector.name(), sector.kind(), sector.outline().ringJson()));
    }
    return s.append("]}").toString();
  }

  private static String feature(String name, String kind, String ring) {
    return "{\"type\":\"Feature\",\"properties\":{\"name\":"
        + jakarta.json.Json.createValue(name)
        + ",\"kind\":"
        + jakarta.json.Json.createValue(kind)
        + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
        + ring
        + "]}}";
  }

  // ---- Open311

  /** A report as Open311 lists it (public fields only). */
  public record Open311Row(
      long id,
      IncidentStatus status,
      String publicNote,
      String categoryCode,
      String categoryName,
      String description,
      String service,
      Instant createdAt,
      Instant updatedAt,
      LocalDate expectedOn,
      String address,
      double lat,
      double lon,
      Long photoId) {}

  /** Open311's filters: ids, categories, a period on the creation date, open or closed. */
  public List<Open311Row> search(
      List<Long> ids,
      List<String> categoryCodes,
      Instant from,
      Instant to,
      String state,
      int first,
      int size) {
    StringBuilder sql =
        new StringBuilder(
            "select i.id, i.status, i.public_note, c.code, c.name_fr, case when i.moderation ="
                + " 'PUBLISHED' then i.public_description end, s.name_fr, i.created_at,"
                + " i.updated_at, i.expected_on, case when i.moderation = 'PUBLISHED' then"
                + " i.address end, i.lat, i.lon, (select min(f.id) from incident_photo f where"
                + " f.tenant_id = i.tenant_id and f.incident_id = i.id and not f.hidden and"
                + " f.public_content is not null) from incident i join incident_category c on"
                + " c.tenant_id = i.tenant_id and c.id = i.category_id left join"
                + " incident_service s on s.tenant_id = i.tenant_id and s.id = i.service_id"
                + " where i.tenant_id = :tenant and c.public and i.moderation <> 'HIDDEN'");
    if (ids != null) {
      sql.append(" and i.id in (:ids)");
    }
    if (categoryCodes != null) {
      sql.append(" and c.code in (:codes)");
    }
    if (from != null) {
      sql.append(" and i.created_at >= :from");
    }
    if (to != null) {
      sql.append(" and i.created_at <= :to");
    }
    if ("open".equals(state)) {
      sql.append(" and i.status in ").append(IncidentReports.OPEN_STATUSES);
    } else if ("closed".equals(state)) {
      sql.append(" and i.status not in ").append(IncidentReports.OPEN_STATUSES);
    }
    sql.append(" order by i.created_at desc, i.id desc");
    Query q =
        em.createNativeQuery(sql.toString())
            .setParameter("tenant", tenant.require().id())
            .setFirstResult(first)
            .setMaxResults(size);
    if (ids != null) {
      q.setParameter("ids", ids);
    }
    if (categoryCodes != null) {
      q.setParameter("codes", categoryCodes);
    }
    if (from != null) {
      q.setParameter("from", from);
    }
    if (to != null) {
      q.setParameter("to", to);
    }
    return rows(q).stream()
        .map(
            r -> {
              GeoPoint at =
                  new GeoPoint(((Number) r[11]).doubleValue(), ((Number) r[12]).doubleValue())
                      .rounded();
              return new Open311Row(
                  ((Number) r[0]).longValue(),
                  IncidentStatus.valueOf((String) r[1]),
                  (String) r[2],
                  (String) r[3],
                  (String) r[4],
                  (String) r[5],
                  (String) r[6],
                  IncidentSql.instant(r[7]),
                  IncidentSql.instant(r[8]),
                  r[9] == null ? null : ((java.sql.Date) r[9]).toLocalDate(),
                  (String) r[10],
                  at.lat(),
                  at.lon(),
                  IncidentSql.longOrNull(r[13]));
            })
        .toList();
  }

  /** The report filed with this token (Open311's {@code tokens/{token}}). */
  public Optional<Long> byToken(String token) {
    return IncidentSql.values(
            em.createNativeQuery("select id from incident where idempotency_key = ?1")
                .setParameter(1, token))
        .stream()
        .map(n -> ((Number) n).longValue())
        .findFirst();
  }
}
