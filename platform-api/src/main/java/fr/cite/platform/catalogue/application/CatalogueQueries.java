package fr.cite.platform.catalogue.application;

import fr.cite.platform.catalogue.application.CatalogueSnapshot.AudienceView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.HighlightView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.NewsView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ProcedureSummary;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ThemeView;
import fr.cite.platform.catalogue.domain.Audience;
import fr.cite.platform.catalogue.domain.Channel;
import fr.cite.platform.catalogue.domain.ChannelKind;
import fr.cite.platform.catalogue.domain.Procedure;
import fr.cite.platform.catalogue.domain.Theme;
import fr.cite.platform.catalogue.domain.UsefulLink;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the current town's catalogue. Each method runs a fixed number of queries whatever the size
 * of the catalogue: the snapshot eight, a procedure's details five, a search one.
 */
@ApplicationService
public class CatalogueQueries {

  /** Dates a town sees are in Paris time. */
  public static final ZoneId TOWN_ZONE = ZoneId.of("Europe/Paris");

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  public CatalogueSnapshot loadSnapshot() {
    LocalDate today = LocalDate.now(TOWN_ZONE);
    List<ThemeView> themes =
        em.createQuery(
                "select t from Theme t where t.published = true and (t.parentId is null or"
                    + " t.parentId in (select p.id from Theme p where p.published = true))"
                    + " order by t.position, t.nameFr",
                Theme.class)
            .getResultStream()
            .map(
                t ->
                    new ThemeView(
                        t.id(),
                        t.parentId().orElse(null),
                        t.slug(),
                        t.name(),
                        t.description(),
                        t.position()))
            .toList();
    List<AudienceView> audiences =
        em.createQuery(
                "select a from Audience a where a.published = true order by a.position, a.nameFr",
                Audience.class)
            .getResultStream()
            .map(a -> new AudienceView(a.id(), a.slug(), a.name(), a.description()))
            .toList();
    Set<Long> online =
        new HashSet<>(
            em.createQuery(
                    "select distinct p.id from Procedure p join p.channels c"
                        + " where c.kind = :online and p.status = :published",
                    Long.class)
                .setParameter("online", ChannelKind.ONLINE)
                .setParameter("published", Procedure.Status.PUBLISHED)
                .getResultList());
    Collator collator = Collator.getInstance(Locale.FRENCH);
    List<ProcedureSummary> procedures = new ArrayList<>();
    for (Object[] r :
        em.createQuery(
                "select p.id, p.slug, p.titleFr, p.titleEn, p.summaryFr, p.summaryEn,"
                    + " p.editorialRank from Procedure p where p.status = :published",
                Object[].class)
            .setParameter("published", Procedure.Status.PUBLISHED)
            .getResultList()) {
      long id = (Long) r[0];
      procedures.add(
          new ProcedureSummary(
              id,
              (String) r[1],
              LocalizedText.of((String) r[2], (String) r[3]),
              LocalizedText.of((String) r[4], (String) r[5]),
              online.contains(id),
              (Integer) r[6]));
    }
    procedures.sort(Comparator.comparing(p -> p.title().fr(), collator));
    Map<Long, List<Long>> themeLinks =
        links("select p.id, t.id from Procedure p join p.themes t where p.status = :published");
    Map<Long, List<Long>> audienceLinks =
        links("select p.id, a.id from Procedure p join p.audiences a where p.status = :published");
    List<HighlightView> highlights =
        em.createQuery(
                "select h.id, h.titleFr, h.titleEn, h.textFr, h.textEn, h.linkUrl, h.startsOn,"
                    + " h.endsOn, h.priority from Highlight h where h.endsOn >= :today",
                Object[].class)
            .setParameter("today", today.minusDays(1))
            .getResultStream()
            .map(
                r ->
                    new HighlightView(
                        (Long) r[0],
                        LocalizedText.of((String) r[1], (String) r[2]),
                        LocalizedText.of((String) r[3], (String) r[4]),
                        (String) r[5],
                        (LocalDate) r[6],
                        (LocalDate) r[7],
                        (Integer) r[8]))
            .toList();
    List<NewsView> news =
        em.createQuery(
                "select n.id, n.titleFr, n.titleEn, n.summaryFr, n.summaryEn, n.linkUrl,"
                    + " n.publishedOn from NewsItem n where n.publishedOn <= :today"
                    + " order by n.publishedOn desc, n.id desc",
                Object[].class)
            .setParameter("today", today.plusDays(1))
            .setMaxResults(12)
            .getResultStream()
            .map(
                r ->
                    new NewsView(
                        (Long) r[0],
                        LocalizedText.of((String) r[1], (String) r[2]),
                        LocalizedText.of((String) r[3], (String) r[4]),
                        (String) r[5],
                        (LocalDate) r[6]))
            .toList();
    return new CatalogueSnapshot(
        themes, audiences, procedures, themeLinks, audienceLinks, highlights, news, Instant.now());
  }

  private Map<Long, List<Long>> links(String jpql) {
    Map<Long, List<Long>> links = new HashMap<>();
    for (Object[] r :
        em.createQuery(jpql, Object[].class)
            .setParameter("published", Procedure.Status.PUBLISHED)
            .getResultList()) {
      links.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]);
    }
    return links;
  }

  /** A published procedure's details, its related procedures and themes taken from the snapshot. */
  public Optional<ProcedureDetail> loadDetail(String slug, CatalogueSnapshot snapshot) {
    Optional<ProcedureSummary> summary = snapshot.procedure(slug);
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    return load(slug, snapshot, summary, Procedure.Status.PUBLISHED);
  }

  /**
   * A procedure's page whatever its status, as saved: what an editor previews before publishing.
   * Never cached.
   */
  public Optional<ProcedureDetail> loadPreview(String slug, CatalogueSnapshot snapshot) {
    return load(slug, snapshot, Optional.empty(), null);
  }

  private Optional<ProcedureDetail> load(
      String slug,
      CatalogueSnapshot snapshot,
      Optional<ProcedureSummary> summary,
      Procedure.Status status) {
    Optional<Procedure> found =
        em.createQuery(
                "select p from Procedure p left join fetch p.channels where p.slug = :slug"
                    + " and (:status is null or p.status = :status)",
                Procedure.class)
            .setParameter("slug", slug)
            .setParameter("status", status)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Procedure p = found.get();
    if (summary.isEmpty()) {
      summary =
          Optional.of(
              new ProcedureSummary(
                  p.id(),
                  p.slug(),
                  p.content().title(),
                  p.content().summary(),
                  p.channels().stream().anyMatch(c -> c.spec().kind() == ChannelKind.ONLINE),
                  p.editorialRank().orElse(null)));
    }
    List<UsefulLink.LinkSpec> links =
        em.createQuery(
                "select l from Procedure p join p.links l where p.id = :id order by l.position",
                UsefulLink.class)
            .setParameter("id", p.id())
            .getResultStream()
            .map(UsefulLink::spec)
            .toList();
    List<ProcedureSummary> related =
        ids("select r.id from Procedure p join p.related r where p.id = :id", p.id()).stream()
            .map(snapshot::procedure)
            .flatMap(Optional::stream)
            .toList();
    List<ThemeView> themes =
        ids("select t.id from Procedure p join p.themes t where p.id = :id", p.id()).stream()
            .map(snapshot::theme)
            .flatMap(Optional::stream)
            .toList();
    List<AudienceView> audiences =
        ids("select a.id from Procedure p join p.audiences a where p.id = :id", p.id()).stream()
            .map(snapshot::audience)
            .flatMap(Optional::stream)
            .toList();
    List<ProcedureDetail.ChannelView> channels =
        p.channels().stream()
            .map((Channel c) -> new ProcedureDetail.ChannelView(c.id(), c.spec()))
            .toList();
    return Optional.of(
        new ProcedureDetail(
            summary.get(),
            p.content(),
            channels,
            links,
            related,
            themes,
            audiences,
            p.updatedAt()));
  }

  private List<Long> ids(String jpql, long id) {
    return em.createQuery(jpql, Long.class).setParameter("id", id).getResultList();
  }

  /** Ids of the town's procedures by usage over the window, most used first. */
  @SuppressWarnings("unchecked")
  public List<Long> rankByUsage(int windowDays, int limit) {
    LocalDate from = LocalDate.now(TOWN_ZONE).minusDays(windowDays - 1L);
    List<Number> ids =
        em.createNativeQuery(
                "select u.procedure_id from catalogue_usage u"
                    + " where u.tenant_id = ?1 and u.day >= ?2"
                    + " group by u.procedure_id"
                    + " order by sum(u.views + 3 * u.starts) desc, u.procedure_id"
                    + " limit ?3")
            .setParameter(1, tenant.require().id())
            .setParameter(2, Date.valueOf(from))
            .setParameter(3, limit)
            .getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  /**
   * Published procedures of the town matching a query (parameter 1), the town's id as parameter 2:
   * French or English full text, or a folded title close enough for a typo. {@code %s} is the
   * select list.
   */
  private static final String MATCHING =
      "with q as (select websearch_to_tsquery('public.cite_french', ?1) as fr,"
          + " websearch_to_tsquery('public.cite_english', ?1) as en,"
          + " cite_fold(?1) as folded)"
          + " select %s from catalogue_procedure p, q"
          + " where p.tenant_id = ?2 and p.status = 'PUBLISHED'"
          + " and (p.search_vector @@ q.fr or p.search_vector @@ q.en"
          + " or word_similarity(q.folded, p.search_text) >= 0.6)";

  /** How many published procedures match, for a page past the last one. */
  private long countMatches(String query) {
    return ((Number)
            em.createNativeQuery(String.format(MATCHING, "count(*)"))
                .setParameter(1, query)
                .setParameter(2, tenant.require().id())
                .getSingleResult())
        .longValue();
  }

  /** One page of search results. */
  public record SearchHits(List<Long> ids, long total) {}

  /**
   * Full-text search in French and English (stemmed, accents ignored), with typo tolerance by
   * trigram word similarity, ranked. Native SQL, so the tenant condition is explicit.
   */
  @SuppressWarnings("unchecked")
  public SearchHits search(String query, int offset, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                String.format(MATCHING, "p.id, count(*) over ()")
                    + " order by (ts_rank_cd(p.search_vector, q.fr)"
                    + " + ts_rank_cd(p.search_vector, q.en)) * 2"
                    + " + word_similarity(q.folded, p.search_text) desc, p.title_fr, p.id"
                    + " offset ?3 limit ?4")
            .setParameter(1, query)
            .setParameter(2, tenant.require().id())
            .setParameter(3, offset)
            .setParameter(4, limit)
            .getResultList();
    long total =
        rows.isEmpty()
            ? (offset == 0 ? 0 : countMatches(query))
            : ((Number) rows.get(0)[1]).longValue();
    return new SearchHits(rows.stream().map(r -> ((Number) r[0]).longValue()).toList(), total);
  }
}
