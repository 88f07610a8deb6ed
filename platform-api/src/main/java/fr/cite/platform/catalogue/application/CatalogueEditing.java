package fr.cite.platform.catalogue.application;

import fr.cite.platform.catalogue.domain.Audience;
import fr.cite.platform.catalogue.domain.Highlight;
import fr.cite.platform.catalogue.domain.NewsItem;
import fr.cite.platform.catalogue.domain.Procedure;
import fr.cite.platform.catalogue.domain.ProcedureContent;
import fr.cite.platform.catalogue.domain.Theme;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Changes to the current town's catalogue. Every change tells the cache, which drops the town's
 * pages when the transaction commits.
 */
@ApplicationService
public class CatalogueEditing {

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject Event<CatalogueChanged> changed;

  private final Clock clock = Clock.systemUTC();

  /** Creates or replaces the procedure with this slug; returns whether it was created. */
  public boolean saveProcedure(String slug, ProcedureChanges changes) {
    Optional<Procedure> existing = findProcedure(slug);
    ProcedureContent content = sanitised(changes.content());
    Procedure p = existing.orElseGet(() -> new Procedure(slug, content, clock.instant()));
    p.rewrite(content, clock.instant());
    p.offerThrough(changes.channels());
    p.linkTo(changes.links());
    p.classify(
        bySlug(Theme.class, "Theme", Theme::slug, changes.themes(), "unknown-theme"),
        bySlug(
            Audience.class, "Audience", Audience::slug, changes.audiences(), "unknown-audience"));
    if (existing.isEmpty()) {
      em.persist(p);
    }
    List<Procedure> related =
        bySlug(Procedure.class, "Procedure", Procedure::slug, changes.related(), "unknown-related");
    if (related.stream().anyMatch(r -> r.slug().equals(slug))) {
      throw ProblemException.unprocessable("related-to-itself", slug);
    }
    p.relateTo(related);
    p.rankEditorially(changes.editorialRank());
    if (changes.published()) {
      p.publish(clock.instant());
    } else {
      p.withdraw(clock.instant());
    }
    fireChanged();
    return existing.isEmpty();
  }

  /** Sets the procedures related to one, by slug. */
  public void relate(String slug, List<String> relatedSlugs) {
    Procedure p =
        findProcedure(slug)
            .orElseThrow(() -> ProblemException.notFound("procedure-not-found", slug));
    List<Procedure> related =
        bySlug(Procedure.class, "Procedure", Procedure::slug, relatedSlugs, "unknown-related");
    if (related.contains(p)) {
      throw ProblemException.unprocessable("related-to-itself", slug);
    }
    p.relateTo(related);
    fireChanged();
  }

  public void deleteProcedure(String slug) {
    Procedure p =
        findProcedure(slug)
            .orElseThrow(() -> ProblemException.notFound("procedure-not-found", slug));
    em.remove(p);
    fireChanged();
  }

  public Optional<Procedure> findProcedure(String slug) {
    return em.createQuery("select p from Procedure p where p.slug = :slug", Procedure.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  /**
   * Creates or changes a theme; {@code parentSlug} files it under a top-level theme. Returns
   * whether it was created.
   */
  public boolean saveTheme(
      String slug, String parentSlug, LocalizedText name, LocalizedText description, int position) {
    Optional<Theme> existing = findBySlug(Theme.class, "Theme", slug);
    Theme parent = null;
    if (parentSlug != null) {
      parent =
          findBySlug(Theme.class, "Theme", parentSlug)
              .orElseThrow(() -> ProblemException.unprocessable("unknown-theme", parentSlug));
      boolean hasChildren =
          existing.isPresent()
              && em.createQuery("select count(t) from Theme t where t.parentId = :id", Long.class)
                      .setParameter("id", existing.get().id())
                      .getSingleResult()
                  > 0;
      if (parent.parentId().isPresent() || parentSlug.equals(slug) || hasChildren) {
        throw ProblemException.unprocessable("theme-too-deep", slug, parentSlug);
      }
    }
    Theme theme;
    if (existing.isPresent()) {
      theme = existing.get();
      theme.rename(name, description);
      theme.placeUnder(parent, position);
    } else {
      theme = new Theme(parent, slug, name, description, position);
      em.persist(theme);
    }
    fireChanged();
    return existing.isEmpty();
  }

  /** Deletes a theme without sub-themes; its procedures stay, filed under their other themes. */
  public void deleteTheme(String slug) {
    Theme theme =
        findBySlug(Theme.class, "Theme", slug)
            .orElseThrow(() -> ProblemException.notFound("theme-not-found", slug));
    long children =
        em.createQuery("select count(t) from Theme t where t.parentId = :id", Long.class)
            .setParameter("id", theme.id())
            .getSingleResult();
    if (children > 0) {
      throw ProblemException.conflict("theme-has-subthemes", slug);
    }
    em.remove(theme);
    fireChanged();
  }

  /** Creates or changes an audience ("profil"); returns whether it was created. */
  public boolean saveAudience(
      String slug, LocalizedText name, LocalizedText description, int position) {
    Optional<Audience> existing = findBySlug(Audience.class, "Audience", slug);
    if (existing.isPresent()) {
      existing.get().rename(name, description, position);
    } else {
      em.persist(new Audience(slug, name, description, position));
    }
    fireChanged();
    return existing.isEmpty();
  }

  public void deleteAudience(String slug) {
    Audience a =
        findBySlug(Audience.class, "Audience", slug)
            .orElseThrow(() -> ProblemException.notFound("profile-not-found", slug));
    em.remove(a);
    fireChanged();
  }

  private <T> Optional<T> findBySlug(Class<T> type, String entity, String slug) {
    return em.createQuery("select e from " + entity + " e where e.slug = :slug", type)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  public long addHighlight(
      LocalizedText title,
      LocalizedText text,
      String link,
      LocalDate startsOn,
      LocalDate endsOn,
      int priority) {
    if (endsOn.isBefore(startsOn)) {
      throw ProblemException.unprocessable("highlight-ends-before-start");
    }
    Highlight h = new Highlight(title, text, link, startsOn, endsOn, priority);
    em.persist(h);
    fireChanged();
    return h.id();
  }

  public void deleteHighlight(long id) {
    Highlight h =
        Optional.ofNullable(em.find(Highlight.class, id))
            .orElseThrow(() -> ProblemException.notFound("highlight-not-found", id));
    em.remove(h);
    fireChanged();
  }

  /** Every highlight of the town, past, current and to come, the latest start first. */
  public List<Highlight> listHighlights() {
    return em.createQuery(
            "select h from Highlight h order by h.startsOn desc, h.priority desc, h.id desc",
            Highlight.class)
        .getResultList();
  }

  /** One page of the town's highlights, by start date (latest first unless ascending) or title. */
  public List<Highlight> listHighlights(String sortField, boolean ascending, int first, int size) {
    String order = "title".equals(sortField) ? "h.titleFr" : "h.startsOn";
    boolean asc = sortField == null ? false : ascending;
    return em.createQuery(
            "select h from Highlight h order by "
                + order
                + (asc ? " asc" : " desc")
                + ", h.priority desc, h.id desc",
            Highlight.class)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  public long countHighlights() {
    return em.createQuery("select count(h) from Highlight h", Long.class).getSingleResult();
  }

  /** One page of the town's news, newest first. */
  public List<NewsItem> listNews(int first, int size) {
    return em.createQuery(
            "select n from NewsItem n order by n.publishedOn desc, n.id desc", NewsItem.class)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  public long countNews() {
    return em.createQuery("select count(n) from NewsItem n", Long.class).getSingleResult();
  }

  /** The town's news, newest first. */
  public List<NewsItem> listNews() {
    return em.createQuery(
            "select n from NewsItem n order by n.publishedOn desc, n.id desc", NewsItem.class)
        .getResultList();
  }

  public void deleteNews(long id) {
    NewsItem n =
        Optional.ofNullable(em.find(NewsItem.class, id))
            .orElseThrow(() -> ProblemException.notFound("news-not-found", id));
    em.remove(n);
    fireChanged();
  }

  public long addNews(LocalizedText title, LocalizedText summary, String link, LocalDate on) {
    NewsItem n = new NewsItem(title, summary, link, on);
    em.persist(n);
    fireChanged();
    return n.id();
  }

  /** Publishes or withdraws a procedure. */
  public void publishProcedure(String slug, boolean published) {
    Procedure p =
        findProcedure(slug)
            .orElseThrow(() -> ProblemException.notFound("procedure-not-found", slug));
    if (published) {
      p.publish(clock.instant());
    } else {
      p.withdraw(clock.instant());
    }
    fireChanged();
  }

  /** Shows or withdraws a theme (with its sub-themes) on the portal. */
  public void publishTheme(String slug, boolean published) {
    findBySlug(Theme.class, "Theme", slug)
        .orElseThrow(() -> ProblemException.notFound("theme-not-found", slug))
        .publish(published);
    fireChanged();
  }

  /** Shows or withdraws a profile on the portal. */
  public void publishAudience(String slug, boolean published) {
    findBySlug(Audience.class, "Audience", slug)
        .orElseThrow(() -> ProblemException.notFound("profile-not-found", slug))
        .publish(published);
    fireChanged();
  }

  /** Moves a theme up ({@code -1}) or down ({@code +1}) among its siblings. */
  public void moveTheme(String slug, int by) {
    Theme theme =
        findBySlug(Theme.class, "Theme", slug)
            .orElseThrow(() -> ProblemException.notFound("theme-not-found", slug));
    List<Theme> siblings =
        em.createQuery(
                "select t from Theme t where (t.parentId = :parent or (:parent is null and"
                    + " t.parentId is null)) order by t.position, t.nameFr, t.id",
                Theme.class)
            .setParameter("parent", theme.parentId().orElse(null))
            .getResultList();
    reorder(siblings, theme, by, Theme::moveTo);
  }

  /** Moves a profile up ({@code -1}) or down ({@code +1}). */
  public void moveAudience(String slug, int by) {
    Audience audience =
        findBySlug(Audience.class, "Audience", slug)
            .orElseThrow(() -> ProblemException.notFound("profile-not-found", slug));
    List<Audience> all =
        em.createQuery(
                "select a from Audience a order by a.position, a.nameFr, a.id", Audience.class)
            .getResultList();
    reorder(all, audience, by, Audience::moveTo);
  }

  /** Renumbers a list after moving one element, so that positions stay 0..n-1 without ties. */
  private <T> void reorder(
      List<T> ordered, T moved, int by, java.util.function.ObjIntConsumer<T> place) {
    List<T> list = new ArrayList<>(ordered);
    int from = list.indexOf(moved);
    int to = Math.max(0, Math.min(list.size() - 1, from + by));
    list.remove(from);
    list.add(to, moved);
    for (int i = 0; i < list.size(); i++) {
      place.accept(list.get(i), i);
    }
    fireChanged();
  }

  void fireChanged() {
    changed.fire(new CatalogueChanged(tenant.require().id()));
  }

  private static ProcedureContent sanitised(ProcedureContent c) {
    LocalizedText body =
        c.body() == null
            ? null
            : Optional.ofNullable(RichText.sanitise(c.body().fr()))
                .map(fr -> LocalizedText.of(fr, RichText.sanitise(c.body().en())))
                .orElse(null);
    return new ProcedureContent(
        c.title(),
        c.summary(),
        body,
        c.keywords(),
        c.documents(),
        c.cost(),
        c.delay(),
        c.contact());
  }

  /** Entities of the current town by slug, in the order asked; an unknown slug is a 422. */
  private <T> List<T> bySlug(
      Class<T> type,
      String entity,
      Function<T, String> slugOf,
      Collection<String> slugs,
      String problem) {
    if (slugs == null || slugs.isEmpty()) {
      return List.of();
    }
    Map<String, T> found =
        em.createQuery("select e from " + entity + " e where e.slug in :slugs", type)
            .setParameter("slugs", slugs)
            .getResultStream()
            .collect(Collectors.toMap(slugOf, e -> e));
    List<T> ordered = new ArrayList<>();
    for (String s : slugs) {
      T e = found.get(s);
      if (e == null) {
        throw ProblemException.unprocessable(problem, s);
      }
      ordered.add(e);
    }
    return ordered;
  }
}
