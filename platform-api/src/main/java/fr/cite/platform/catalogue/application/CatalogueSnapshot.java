package fr.cite.platform.catalogue.application;

import fr.cite.platform.i18n.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the home and the catalogue pages of one town show, read in a fixed number of queries
 * and kept in memory until the catalogue changes. Immutable except for the small map of procedure
 * details filled as they are read.
 */
public final class CatalogueSnapshot {

  /** A theme or sub-theme. */
  public record ThemeView(
      long id,
      Long parentId,
      String slug,
      LocalizedText name,
      LocalizedText description,
      int position) {

    public boolean topLevel() {
      return parentId == null;
    }
  }

  /** An audience ("profil"). */
  public record AudienceView(long id, String slug, LocalizedText name, LocalizedText description) {}

  /** A published procedure as listed: enough for a link and a line of summary. */
  public record ProcedureSummary(
      long id,
      String slug,
      LocalizedText title,
      LocalizedText summary,
      boolean online,
      Integer editorialRank) {}

  /** A dated highlight of the home. */
  public record HighlightView(
      long id,
      LocalizedText title,
      LocalizedText text,
      String link,
      LocalDate startsOn,
      LocalDate endsOn,
      int priority) {

    public boolean showsOn(LocalDate day) {
      return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
  }

  /** A news item. */
  public record NewsView(
      long id, LocalizedText title, LocalizedText summary, String link, LocalDate publishedOn) {}

  private static final int MAX_CACHED_DETAILS = 500;

  private final List<ThemeView> themes;
  private final List<AudienceView> audiences;
  private final List<ProcedureSummary> procedures;
  private final Map<String, ThemeView> themesBySlug;
  private final Map<Long, ThemeView> themesById;
  private final Map<String, AudienceView> audiencesBySlug;
  private final Map<Long, AudienceView> audiencesById;
  private final Map<String, ProcedureSummary> proceduresBySlug;
  private final Map<Long, ProcedureSummary> proceduresById;
  private final Map<Long, List<ProcedureSummary>> byTheme;
  private final Map<Long, List<ProcedureSummary>> byAudience;
  private final List<HighlightView> highlights;
  private final List<NewsView> news;
  private final Instant loadedAt;
  private final ConcurrentHashMap<String, Optional<ProcedureDetail>> details =
      new ConcurrentHashMap<>();

  CatalogueSnapshot(
      List<ThemeView> themes,
      List<AudienceView> audiences,
      List<ProcedureSummary> procedures,
      Map<Long, List<Long>> themeLinks,
      Map<Long, List<Long>> audienceLinks,
      List<HighlightView> highlights,
      List<NewsView> news,
      Instant loadedAt) {
    this.themes = List.copyOf(themes);
    this.audiences = List.copyOf(audiences);
    this.procedures = List.copyOf(procedures);
    this.themesBySlug = index(themes, ThemeView::slug);
    this.themesById = index(themes, ThemeView::id);
    this.audiencesBySlug = index(audiences, AudienceView::slug);
    this.audiencesById = index(audiences, AudienceView::id);
    this.proceduresBySlug = index(procedures, ProcedureSummary::slug);
    this.proceduresById = index(procedures, ProcedureSummary::id);
    this.byTheme = group(themeLinks);
    this.byAudience = group(audienceLinks);
    this.highlights =
        highlights.stream()
            .sorted(
                Comparator.comparingInt(HighlightView::priority)
                    .reversed()
                    .thenComparing(HighlightView::endsOn))
            .toList();
    this.news = List.copyOf(news);
    this.loadedAt = loadedAt;
  }

  private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
    return values.stream().collect(Collectors.toMap(key, v -> v, (a, b) -> a, LinkedHashMap::new));
  }

  /** Procedures of each theme or audience id, in the catalogue's (alphabetical) order. */
  private Map<Long, List<ProcedureSummary>> group(Map<Long, List<Long>> links) {
    Map<Long, List<ProcedureSummary>> grouped = new LinkedHashMap<>();
    for (ProcedureSummary p : procedures) {
      for (Long owner : links.getOrDefault(p.id(), List.of())) {
        grouped.computeIfAbsent(owner, k -> new ArrayList<>()).add(p);
      }
    }
    grouped.replaceAll((k, v) -> List.copyOf(v));
    return grouped;
  }

  public List<ThemeView> topThemes() {
    return themes.stream().filter(ThemeView::topLevel).toList();
  }

  public List<ThemeView> subThemes(ThemeView parent) {
    return themes.stream().filter(t -> Long.valueOf(parent.id()).equals(t.parentId())).toList();
  }

  public Optional<ThemeView> parentOf(ThemeView theme) {
    return theme.topLevel()
        ? Optional.empty()
        : Optional.ofNullable(themesById.get(theme.parentId()));
  }

  public List<AudienceView> audiences() {
    return audiences;
  }

  public List<ThemeView> themes() {
    return themes;
  }

  public List<ProcedureSummary> procedures() {
    return procedures;
  }

  public Optional<ThemeView> theme(String slug) {
    return Optional.ofNullable(themesBySlug.get(slug));
  }

  public Optional<ThemeView> theme(long id) {
    return Optional.ofNullable(themesById.get(id));
  }

  public Optional<AudienceView> audience(String slug) {
    return Optional.ofNullable(audiencesBySlug.get(slug));
  }

  public Optional<AudienceView> audience(long id) {
    return Optional.ofNullable(audiencesById.get(id));
  }

  public Optional<ProcedureSummary> procedure(String slug) {
    return Optional.ofNullable(proceduresBySlug.get(slug));
  }

  public Optional<ProcedureSummary> procedure(long id) {
    return Optional.ofNullable(proceduresById.get(id));
  }

  /** Published procedures filed directly under a theme (not under its sub-themes). */
  public List<ProcedureSummary> proceduresIn(ThemeView theme) {
    return byTheme.getOrDefault(theme.id(), List.of());
  }

  /** Number of published procedures under a theme and its sub-themes, each counted once. */
  public long countUnder(ThemeView theme) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    proceduresIn(theme).forEach(p -> ids.add(p.id()));
    subThemes(theme).forEach(t -> proceduresIn(t).forEach(p -> ids.add(p.id())));
    return ids.size();
  }

  public List<ProcedureSummary> proceduresFor(AudienceView audience) {
    return byAudience.getOrDefault(audience.id(), List.of());
  }

  /** The highlights to show on a day, highest priority first. */
  public List<HighlightView> highlightsOn(LocalDate day) {
    return highlights.stream().filter(h -> h.showsOn(day)).toList();
  }

  /** Every highlight still to come or current, as the API lists them. */
  public List<HighlightView> highlights() {
    return highlights;
  }

  public List<NewsView> news() {
    return news;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  /**
   * The most requested services: procedures ranked by usage first, then the town's editorial order,
   * then alphabetical, so a new town's home is never empty.
   */
  public List<ProcedureSummary> mostRequested(List<Long> rankedByUsage, int limit) {
    LinkedHashMap<Long, ProcedureSummary> chosen = new LinkedHashMap<>();
    for (Long id : rankedByUsage) {
      ProcedureSummary p = proceduresById.get(id);
      if (p != null && chosen.size() < limit) {
        chosen.put(id, p);
      }
    }
    procedures.stream()
        .filter(p -> p.editorialRank() != null)
        .sorted(Comparator.comparing(ProcedureSummary::editorialRank))
        .forEach(p -> addUpTo(chosen, p, limit));
    procedures.forEach(p -> addUpTo(chosen, p, limit));
    return List.copyOf(chosen.values());
  }

  private static void addUpTo(Map<Long, ProcedureSummary> chosen, ProcedureSummary p, int limit) {
    if (chosen.size() < limit) {
      chosen.putIfAbsent(p.id(), p);
    }
  }

  /** A procedure's details, read once per snapshot; empty when unknown or unpublished. */
  Optional<ProcedureDetail> detail(
      String slug, Function<String, Optional<ProcedureDetail>> loader) {
    Optional<ProcedureDetail> cached = details.get(slug);
    if (cached != null) {
      return cached;
    }
    Optional<ProcedureDetail> loaded = loader.apply(slug);
    if (details.size() < MAX_CACHED_DETAILS) {
      details.put(slug, loaded);
    }
    return loaded;
  }
}
