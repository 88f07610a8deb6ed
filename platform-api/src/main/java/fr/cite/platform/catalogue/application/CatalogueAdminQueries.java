package fr.cite.platform.catalogue.application;

import fr.cite.platform.catalogue.domain.Audience;
import fr.cite.platform.catalogue.domain.Procedure;
import fr.cite.platform.catalogue.domain.Theme;
import fr.cite.platform.catalogue.domain.UsefulLink;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the town console's catalogue editor reads: every procedure (drafts included) a page at a
 * time, filtered and sorted in the database; every theme and profile with its state; one procedure
 * as an editable whole. The current town's rows only (Hibernate's tenant filter and row-level
 * security).
 */
@ApplicationService
public class CatalogueAdminQueries {

  @PersistenceContext EntityManager em;

  /** A procedure in the editor's list. */
  public record ProcedureRow(
      String slug, String title, Procedure.Status status, Instant updatedAt, Integer rank)
      implements java.io.Serializable {}

  /** What the list shows: text (title or slug), status, theme; null filters nothing. */
  public record ProcedureFilter(String text, Procedure.Status status, String theme) {}

  /** A theme with its parent and how many procedures it files. */
  public record ThemeRow(
      String slug,
      String parent,
      String nameFr,
      String nameEn,
      String descriptionFr,
      String descriptionEn,
      int position,
      boolean published,
      long procedures)
      implements java.io.Serializable {}

  /** A profile and how many procedures it lists. */
  public record AudienceRow(
      String slug,
      String nameFr,
      String nameEn,
      String descriptionFr,
      String descriptionEn,
      int position,
      boolean published,
      long procedures)
      implements java.io.Serializable {}

  /** A procedure as the editor loads it. */
  public record EditableProcedure(String slug, ProcedureChanges changes) {}

  private static final Map<String, String> SORTABLE =
      Map.of(
          "title",
          "p.titleFr",
          "status",
          "p.status",
          "updatedAt",
          "p.updatedAt",
          "rank",
          "p.editorialRank");

  public List<ProcedureRow> procedures(
      ProcedureFilter filter, String sortField, boolean ascending, int offset, int limit) {
    String order = SORTABLE.getOrDefault(sortField, "p.titleFr");
    var query =
        em.createQuery(
            "select new fr.cite.platform.catalogue.application.CatalogueAdminQueries$ProcedureRow("
                + "p.slug, p.titleFr, p.status, p.updatedAt, p.editorialRank) from Procedure p"
                + where(filter)
                + " order by "
                + order
                + (ascending ? " asc" : " desc")
                + " nulls last, p.slug",
            ProcedureRow.class);
    bind(query, filter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long countProcedures(ProcedureFilter filter) {
    var query = em.createQuery("select count(p) from Procedure p" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  private static String where(ProcedureFilter f) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (f.text() != null && !f.text().isBlank()) {
      w.append(
          " and (lower(p.titleFr) like :text or p.slug like :text or lower(p.titleEn) like :text)");
    }
    if (f.status() != null) {
      w.append(" and p.status = :status");
    }
    if (f.theme() != null && !f.theme().isBlank()) {
      w.append(
          " and exists (select 1 from Procedure q join q.themes t where q = p and t.slug = :theme)");
    }
    return w.toString();
  }

  private static void bind(jakarta.persistence.TypedQuery<?> q, ProcedureFilter f) {
    if (f.text() != null && !f.text().isBlank()) {
      String text =
          f.text().strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_");
      q.setParameter("text", "%" + text + "%");
    }
    if (f.status() != null) {
      q.setParameter("status", f.status());
    }
    if (f.theme() != null && !f.theme().isBlank()) {
      q.setParameter("theme", f.theme());
    }
  }

  /** Every theme, top-level ones first then each one's sub-themes, in their order. */
  public List<ThemeRow> themes() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "select t.id, count(p) from Procedure p join p.themes t group by t.id", Object[].class)
        .getResultStream()
        .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
    List<Theme> all =
        em.createQuery("select t from Theme t order by t.position, t.nameFr, t.id", Theme.class)
            .getResultList();
    Map<Long, String> slugs = new HashMap<>();
    all.forEach(t -> slugs.put(t.id(), t.slug()));
    List<ThemeRow> rows = new java.util.ArrayList<>();
    for (Theme top : all.stream().filter(t -> t.parentId().isEmpty()).toList()) {
      rows.add(row(top, null, counts));
      all.stream()
          .filter(t -> t.parentId().equals(Optional.of(top.id())))
          .forEach(t -> rows.add(row(t, top.slug(), counts)));
    }
    return rows;
  }

  private static ThemeRow row(Theme t, String parent, Map<Long, Long> counts) {
    return new ThemeRow(
        t.slug(),
        parent,
        t.name().fr(),
        t.name().en(),
        t.description() == null ? null : t.description().fr(),
        t.description() == null ? null : t.description().en(),
        t.position(),
        t.published(),
        counts.getOrDefault(t.id(), 0L));
  }

  public List<AudienceRow> audiences() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "select a.id, count(p) from Procedure p join p.audiences a group by a.id",
            Object[].class)
        .getResultStream()
        .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
    return em.createQuery(
            "select a from Audience a order by a.position, a.nameFr, a.id", Audience.class)
        .getResultStream()
        .map(
            a ->
                new AudienceRow(
                    a.slug(),
                    a.name().fr(),
                    a.name().en(),
                    a.description() == null ? null : a.description().fr(),
                    a.description() == null ? null : a.description().en(),
                    a.position(),
                    a.published(),
                    counts.getOrDefault(a.id(), 0L)))
        .toList();
  }

  /** Titles of every procedure by slug, for the "related procedures" picker. */
  public Map<String, String> procedureTitles() {
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    em.createQuery("select p.slug, p.titleFr from Procedure p order by p.titleFr", Object[].class)
        .getResultStream()
        .forEach(r -> titles.put((String) r[0], (String) r[1]));
    return titles;
  }

  public Optional<EditableProcedure> procedure(String slug) {
    return em.createQuery("select p from Procedure p where p.slug = :slug", Procedure.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .map(
            p ->
                new EditableProcedure(
                    p.slug(),
                    new ProcedureChanges(
                        p.content(),
                        p.channels().stream().map(c -> c.spec()).toList(),
                        p.links().stream().map(UsefulLink::spec).toList(),
                        p.themeSlugs(),
                        p.audienceSlugs(),
                        p.relatedSlugs(),
                        p.status() == Procedure.Status.PUBLISHED,
                        p.editorialRank().orElse(null))));
  }
}
