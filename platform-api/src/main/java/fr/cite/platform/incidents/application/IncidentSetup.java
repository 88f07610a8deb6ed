package fr.cite.platform.incidents.application;

import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.incidents.domain.LocalMetres;
import fr.cite.platform.incidents.domain.Outline;
import fr.cite.platform.incidents.domain.Routing;
import fr.cite.platform.incidents.domain.Sector;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.FieldType;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TownRegistry;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * A town's set-up of incident reports: its outline and plane, its services (with their agents), its
 * two-level category tree, its sectors and its routing rules, and the public message per category
 * and status. Everything through native SQL on tables under row-level security.
 */
@ApplicationService
public class IncidentSetup {

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject TownRegistry towns;

  @Inject CommuneOutlines outlines;

  /** A service of the town. */
  public record Service(long id, String code, String nameFr, String nameEn, String email) {
    public String name(String language) {
      return "en".equals(language) && nameEn != null ? nameEn : nameFr;
    }
  }

  /** A category of the tree, as set up. */
  public record Category(
      long id,
      String code,
      Long parentId,
      String nameFr,
      String nameEn,
      boolean isPublic,
      boolean photoRequired,
      int duplicateRadiusM,
      boolean reopenAllowed,
      Integer expectedDays,
      String messageFr,
      String messageEn,
      Long defaultServiceId,
      int position,
      String formSchema) {
    public String name(String language) {
      return "en".equals(language) && nameEn != null ? nameEn : nameFr;
    }

    /** The category's own fields (the request model's form schema); none by default. */
    public FormSchema form() {
      return formSchema == null ? new FormSchema(List.of()) : FormSchema.parse(formSchema);
    }

    public String message(String language) {
      return "en".equals(language) && messageEn != null ? messageEn : messageFr;
    }

    Routing.Category forRouting() {
      return new Routing.Category(id, parentId, code, defaultServiceId);
    }
  }

  /** What a category is set to (its code names it). */
  public record CategoryInput(
      String parentCode,
      String nameFr,
      String nameEn,
      boolean isPublic,
      boolean photoRequired,
      int duplicateRadiusM,
      boolean reopenAllowed,
      Integer expectedDays,
      String messageFr,
      String messageEn,
      String defaultServiceCode,
      int position,
      String formSchemaJson) {}

  /** A routing rule, with its category's code and sector's name for the console. */
  public record Rule(
      long id,
      int priority,
      Long categoryId,
      Long sectorId,
      long serviceId,
      boolean active,
      String categoryCode,
      String sectorName,
      String serviceCode) {
    Routing.Rule forRouting() {
      return new Routing.Rule(id, priority, categoryId, sectorId, serviceId, active);
    }
  }

  // ---- outline and plane

  /** The town's outline (its commune's), which every report lies in. */
  public Outline outline() {
    return outlines
        .of(towns.findBySlug(tenant.require().slug()).inseeCode())
        .map(CommuneOutlines.Found::outline)
        .orElseThrow(() -> ProblemException.conflict("incident-no-outline"));
  }

  /** A town administrator draws the town's outline when the platform has none. */
  public void putOutline(Outline outline) {
    var town = towns.findBySlug(tenant.require().slug());
    outlines.put(town.inseeCode(), town.officialName(), outline);
    plane(outline.centre(), true);
  }

  /** The town's plane: local metres around its reference point, made once from its outline. */
  public LocalMetres plane() {
    List<?> rows = em.createNativeQuery("select lat0, lon0 from incident_plane").getResultList();
    if (!rows.isEmpty()) {
      Object[] r = (Object[]) rows.get(0);
      return new LocalMetres(((Number) r[0]).doubleValue(), ((Number) r[1]).doubleValue());
    }
    return plane(outline().centre(), false);
  }

  private LocalMetres plane(GeoPoint centre, boolean keepExisting) {
    em.createNativeQuery(
            "insert into incident_plane (lat0, lon0) values (?1, ?2) on conflict do nothing")
        .setParameter(1, centre.lat())
        .setParameter(2, centre.lon())
        .executeUpdate();
    return keepExisting ? plane() : new LocalMetres(centre.lat(), centre.lon());
  }

  // ---- services

  public List<Service> services() {
    return IncidentSql.rows(
            em.createNativeQuery(
                "select id, code, name_fr, name_en, email from incident_service order by name_fr, id"))
        .stream()
        .map(o -> service((Object[]) o))
        .toList();
  }

  public Optional<Service> service(String code) {
    return services().stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** Creates or renames a service; true when created. */
  public boolean saveService(String code, String nameFr, String nameEn, String email) {
    int changed =
        em.createNativeQuery(
                "update incident_service set name_fr = ?2, name_en = nullif(?3, ''), email ="
                    + " nullif(?4, '') where code = ?1")
            .setParameter(1, code)
            .setParameter(2, nameFr)
            .setParameter(3, nameEn == null ? "" : nameEn)
            .setParameter(4, email == null ? "" : email)
            .executeUpdate();
    if (changed == 0) {
      em.createNativeQuery(
              "insert into incident_service (id, code, name_fr, name_en, email, created_at)"
                  + " values (nextval('incident_seq'), ?1, ?2, nullif(?3, ''), nullif(?4, ''),"
                  + " now())")
          .setParameter(1, code)
          .setParameter(2, nameFr)
          .setParameter(3, nameEn == null ? "" : nameEn)
          .setParameter(4, email == null ? "" : email)
          .executeUpdate();
    }
    return changed == 0;
  }

  /** The e-mail addresses of the agents who work a service's queue. */
  public void setAgents(String serviceCode, List<String> emails) {
    Service s = requireService(serviceCode);
    em.createNativeQuery("delete from incident_service_agent where service_id = ?1")
        .setParameter(1, s.id())
        .executeUpdate();
    for (String email : emails.stream().map(e -> e.strip().toLowerCase()).distinct().toList()) {
      em.createNativeQuery("insert into incident_service_agent (service_id, email) values (?1, ?2)")
          .setParameter(1, s.id())
          .setParameter(2, email)
          .executeUpdate();
    }
  }

  /** Every service's agents (their e-mail addresses), by service id, in one read. */
  public java.util.Map<Long, List<String>> agents() {
    java.util.Map<Long, List<String>> out = new java.util.LinkedHashMap<>();
    for (Object[] r :
        IncidentSql.rows(
            em.createNativeQuery(
                "select service_id, email from incident_service_agent order by email"))) {
      out.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.ArrayList<>())
          .add((String) r[1]);
    }
    return out;
  }

  /** The services an agent works for (by e-mail). */
  public List<Long> servicesOf(String email) {
    return IncidentSql.values(
            em.createNativeQuery("select service_id from incident_service_agent where email = ?1")
                .setParameter(1, email == null ? "" : email.toLowerCase()))
        .stream()
        .map(n -> ((Number) n).longValue())
        .toList();
  }

  Service requireService(String code) {
    return service(code)
        .orElseThrow(() -> ProblemException.unprocessable("incident-unknown-service", code));
  }

  private static Service service(Object[] r) {
    return new Service(
        ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
  }

  // ---- categories

  public List<Category> categories() {
    return IncidentSql.rows(
            em.createNativeQuery(
                "select id, code, parent_id, name_fr, name_en, public, photo_required,"
                    + " duplicate_radius_m, reopen_allowed, expected_days, message_fr, message_en,"
                    + " default_service_id, position, form_schema::text from incident_category"
                    + " order by position, name_fr"))
        .stream()
        .map(o -> category((Object[]) o))
        .toList();
  }

  public Optional<Category> category(String code) {
    return categories().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** Creates or changes a category; true when created. */
  public boolean saveCategory(String code, CategoryInput in) {
    List<Category> all = categories();
    Long parentId = null;
    if (in.parentCode() != null && !in.parentCode().isBlank()) {
      Category parent =
          all.stream()
              .filter(c -> c.code().equals(in.parentCode()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ProblemException.unprocessable("incident-unknown-category", in.parentCode()));
      if (parent.parentId() != null || parent.code().equals(code)) {
        throw ProblemException.unprocessable("incident-category-depth");
      }
      if (all.stream().anyMatch(c -> code.equals(c.code()) && hasChildren(all, c))) {
        throw ProblemException.unprocessable("incident-category-depth");
      }
      parentId = parent.id();
    }
    Long serviceId =
        in.defaultServiceCode() == null || in.defaultServiceCode().isBlank()
            ? null
            : requireService(in.defaultServiceCode()).id();
    String schema = null;
    if (in.formSchemaJson() != null) {
      FormSchema form;
      try {
        form = FormSchema.parse(in.formSchemaJson());
      } catch (RuntimeException e) {
        throw ProblemException.unprocessable(
            "incident-bad-fields",
            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      // Photos are the report's own (reduced, re-encoded, moderated): no file field beside them.
      if (form.fields().stream().anyMatch(f -> f.type() == FieldType.FILE)) {
        throw ProblemException.unprocessable("incident-bad-fields", "FILE");
      }
      schema = form.toJson();
    }
    boolean exists = all.stream().anyMatch(c -> c.code().equals(code));
    String sql =
        exists
            ? "update incident_category set parent_id = ?2, name_fr = ?3, name_en = nullif(?4, ''),"
                + " public = ?5, photo_required = ?6, duplicate_radius_m = ?7, reopen_allowed = ?8,"
                + " expected_days = nullif(?9, -1), message_fr = nullif(?10, ''), message_en ="
                + " nullif(?11, ''), default_service_id = ?12, position = ?13, form_schema ="
                + " coalesce(cast(nullif(?14, '') as jsonb), form_schema) where code = ?1"
            : "insert into incident_category (id, code, parent_id, name_fr, name_en, public,"
                + " photo_required, duplicate_radius_m, reopen_allowed, expected_days, message_fr,"
                + " message_en, default_service_id, position, form_schema, created_at) values"
                + " (nextval('incident_seq'), ?1, ?2, ?3, nullif(?4, ''), ?5, ?6, ?7, ?8,"
                + " nullif(?9, -1), nullif(?10, ''), nullif(?11, ''), ?12, ?13,"
                + " cast(nullif(?14, '') as jsonb), now())";
    em.createNativeQuery(sql)
        .setParameter(1, code)
        .setParameter(2, parentId == null ? null : parentId)
        .setParameter(3, in.nameFr())
        .setParameter(4, in.nameEn() == null ? "" : in.nameEn())
        .setParameter(5, in.isPublic())
        .setParameter(6, in.photoRequired())
        .setParameter(7, in.duplicateRadiusM())
        .setParameter(8, in.reopenAllowed())
        .setParameter(9, in.expectedDays() == null ? -1 : in.expectedDays())
        .setParameter(10, in.messageFr() == null ? "" : in.messageFr())
        .setParameter(11, in.messageEn() == null ? "" : in.messageEn())
        .setParameter(12, serviceId)
        .setParameter(13, in.position())
        .setParameter(14, schema == null ? "" : schema)
        .executeUpdate();
    return !exists;
  }

  /** The categories a report is filed in: those with no category under them. */
  public List<Category> leaves() {
    return leavesOf(categories());
  }

  public static List<Category> leavesOf(List<Category> all) {
    return all.stream().filter(c -> !hasChildren(all, c)).toList();
  }

  static boolean hasChildren(List<Category> all, Category c) {
    return all.stream().anyMatch(o -> o.parentId() != null && o.parentId() == c.id());
  }

  private static Category category(Object[] r) {
    return new Category(
        ((Number) r[0]).longValue(),
        (String) r[1],
        r[2] == null ? null : ((Number) r[2]).longValue(),
        (String) r[3],
        (String) r[4],
        (Boolean) r[5],
        (Boolean) r[6],
        ((Number) r[7]).intValue(),
        (Boolean) r[8],
        r[9] == null ? null : ((Number) r[9]).intValue(),
        (String) r[10],
        (String) r[11],
        r[12] == null ? null : ((Number) r[12]).longValue(),
        ((Number) r[13]).intValue(),
        (String) r[14]);
  }

  /** The public message for a category and status: the town's, or none. */
  public Optional<String> template(long categoryId, IncidentStatus status, String language) {
    List<?> rows =
        em.createNativeQuery(
                "select text_fr, text_en from incident_message_template"
                    + " where category_id = ?1 and status = ?2")
            .setParameter(1, categoryId)
            .setParameter(2, status.name())
            .getResultList();
    return rows.stream()
        .map(o -> (Object[]) o)
        .map(r -> "en".equals(language) && r[1] != null ? (String) r[1] : (String) r[0])
        .findFirst();
  }

  /** A category's message templates, by status: French and English (or null). */
  public java.util.Map<IncidentStatus, String[]> templates(long categoryId) {
    java.util.Map<IncidentStatus, String[]> found = new java.util.EnumMap<>(IncidentStatus.class);
    for (Object o :
        em.createNativeQuery(
                "select status, text_fr, text_en from incident_message_template"
                    + " where category_id = ?1")
            .setParameter(1, categoryId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      found.put(IncidentStatus.valueOf((String) r[0]), new String[] {(String) r[1], (String) r[2]});
    }
    return found;
  }

  public void saveTemplate(String categoryCode, IncidentStatus status, String fr, String en) {
    Category c =
        category(categoryCode)
            .orElseThrow(
                () -> ProblemException.unprocessable("incident-unknown-category", categoryCode));
    em.createNativeQuery(
            "insert into incident_message_template (category_id, status, text_fr, text_en)"
                + " values (?1, ?2, ?3, nullif(?4, '')) on conflict (tenant_id, category_id,"
                + " status) do update set text_fr = excluded.text_fr, text_en = excluded.text_en")
        .setParameter(1, c.id())
        .setParameter(2, status.name())
        .setParameter(3, fr)
        .setParameter(4, en == null ? "" : en)
        .executeUpdate();
  }

  /** Removes a category's template for a status: the agents' message (or none) is sent then. */
  public void deleteTemplate(long categoryId, IncidentStatus status) {
    em.createNativeQuery(
            "delete from incident_message_template where category_id = ?1 and status = ?2")
        .setParameter(1, categoryId)
        .setParameter(2, status.name())
        .executeUpdate();
  }

  // ---- sectors

  /** A sector as the console lists it. */
  public record SectorRow(long id, String name, String kind, Outline outline) {}

  public List<SectorRow> sectors() {
    return IncidentSql.rows(
            em.createNativeQuery(
                "select id, name, kind, cast(outline as text) from incident_sector order by name, id"))
        .stream()
        .map(
            r ->
                new SectorRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    Outline.ofRingJson((String) r[3])))
        .toList();
  }

  /** A sector to add. */
  public record NewSector(String name, String kind, Outline outline) {}

  /** Adds sectors in one transaction; their ids, in order. */
  public List<Long> addSectors(List<NewSector> sectors) {
    return sectors.stream().map(s -> addSector(s.name(), s.kind(), s.outline())).toList();
  }

  /** Adds a sector (drawn, or a GeoJSON feature); returns its id. */
  public long addSector(String name, String kind, Outline outline) {
    LocalMetres plane = plane();
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into incident_sector (id, name, kind, area, min_x, max_x, min_y, max_y,"
                        + " outline, created_at) values (nextval('incident_seq'), ?1, ?2,"
                        + " cast(?3 as polygon), ?4, ?5, ?6, ?7, cast(?8 as jsonb), now())"
                        + " returning id")
                .setParameter(1, name)
                .setParameter(2, kind)
                .setParameter(3, outline.polygonMetres(plane))
                .setParameter(4, plane.x(new GeoPoint(outline.minLat(), outline.minLon())))
                .setParameter(5, plane.x(new GeoPoint(outline.minLat(), outline.maxLon())))
                .setParameter(6, plane.y(new GeoPoint(outline.minLat(), outline.minLon())))
                .setParameter(7, plane.y(new GeoPoint(outline.maxLat(), outline.minLon())))
                .setParameter(8, outline.ringJson())
                .getSingleResult();
    return id.longValue();
  }

  public void deleteSector(long id) {
    delete("incident_sector", id, "incident-sector-not-found");
  }

  /** Deletes a row of one of the set-up's tables by id; 404 when the town has none. */
  private void delete(String table, long id, String notFound) {
    if (em.createNativeQuery("delete from " + table + " where id = ?1")
            .setParameter(1, id)
            .executeUpdate()
        == 0) {
      throw ProblemException.notFound(notFound, id);
    }
  }

  /** The sectors whose outline holds the point: bounding box (index), then polygon. */
  List<Sector> sectorsAt(GeoPoint p, LocalMetres plane) {
    double x = plane.x(p);
    double y = plane.y(p);
    return IncidentSql.rows(
            em.createNativeQuery(
                    "select id, name, cast(outline as text) from incident_sector where tenant_id = ?1"
                        + " and min_x <= ?2 and max_x >= ?2 and min_y <= ?3 and max_y >= ?3"
                        + " and area @> point(?2, ?3)")
                .setParameter(1, tenant.require().id())
                .setParameter(2, x)
                .setParameter(3, y))
        .stream()
        .map(
            r ->
                new Sector(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    Outline.ofRingJson((String) r[2]).points()))
        .toList();
  }

  // ---- routing rules

  public List<Rule> rules() {
    return IncidentSql.rows(
            em.createNativeQuery(
                "select r.id, r.priority, r.category_id, r.sector_id, r.service_id, r.active, c.code,"
                    + " s.name, v.code from incident_routing_rule r"
                    + " join incident_service v on v.tenant_id = r.tenant_id and v.id = r.service_id"
                    + " left join incident_category c on c.tenant_id = r.tenant_id"
                    + " and c.id = r.category_id"
                    + " left join incident_sector s on s.tenant_id = r.tenant_id and s.id = r.sector_id"
                    + " order by r.priority, r.id"))
        .stream()
        .map(
            r ->
                new Rule(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).intValue(),
                    r[2] == null ? null : ((Number) r[2]).longValue(),
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    (Boolean) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8]))
        .toList();
  }

  /** Adds a rule: category (or any) × sector (or any) → service, at a priority. */
  public long addRule(int priority, String categoryCode, Long sectorId, String serviceCode) {
    Long categoryId = null;
    if (categoryCode != null && !categoryCode.isBlank()) {
      categoryId =
          category(categoryCode)
              .orElseThrow(
                  () -> ProblemException.unprocessable("incident-unknown-category", categoryCode))
              .id();
    }
    if (sectorId != null && sectors().stream().noneMatch(s -> s.id() == sectorId)) {
      throw ProblemException.unprocessable("incident-sector-not-found", sectorId);
    }
    long serviceId = requireService(serviceCode).id();
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into incident_routing_rule (id, priority, category_id, sector_id,"
                        + " service_id, created_at) values (nextval('incident_seq'), ?1, ?2, ?3,"
                        + " ?4, now()) returning id")
                .setParameter(1, priority)
                .setParameter(2, categoryId)
                .setParameter(3, sectorId)
                .setParameter(4, serviceId)
                .getSingleResult();
    return id.longValue();
  }

  public void deleteRule(long id) {
    delete("incident_routing_rule", id, "incident-rule-not-found");
  }

  /** Routes a report of this category at this point (the decision, with its reason). */
  Routing.Decision route(Category category, GeoPoint point, LocalMetres plane) {
    List<Category> all = categories();
    Optional<Category> parent =
        category.parentId() == null
            ? Optional.empty()
            : all.stream().filter(c -> c.id() == category.parentId()).findFirst();
    return Routing.route(
        category.forRouting(),
        parent.map(Category::forRouting),
        point,
        sectorsAt(point, plane),
        rules().stream().map(Rule::forRouting).toList());
  }
}
