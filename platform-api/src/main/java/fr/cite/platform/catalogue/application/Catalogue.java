package fr.cite.platform.catalogue.application;

import fr.cite.platform.catalogue.application.CatalogueSnapshot.ProcedureSummary;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TownCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The current town's catalogue as pages and the API read it: served from memory, one snapshot per
 * town, dropped as soon as a change to that town's catalogue commits (so a change is visible at
 * once) and otherwise refreshed after a time to live. The usage ranking has its own short-lived
 * entry, dropped whenever new usage counts are written.
 */
@ApplicationScoped
public class Catalogue {

  /** How many services the home lists as most requested. */
  public static final int MOST_REQUESTED = 8;

  @Inject CatalogueQueries queries;

  @Inject TenantContext tenant;

  @Inject CiteConfig config;

  @Inject UsageCounter usage;

  private TownCache<CatalogueSnapshot> snapshots;

  private TownCache<List<Long>> rankings;

  @PostConstruct
  void init() {
    snapshots =
        new TownCache<>(
            config.catalogueCacheTtl(), config.catalogueCacheMaxTowns(), Clock.systemUTC());
    rankings =
        new TownCache<>(Duration.ofMinutes(5), config.catalogueCacheMaxTowns(), Clock.systemUTC());
  }

  /** The current town's catalogue. */
  public CatalogueSnapshot snapshot() {
    return snapshots.get(tenant.require().id(), queries::loadSnapshot);
  }

  /** A published procedure's page, or empty. */
  public Optional<ProcedureDetail> detail(String slug) {
    CatalogueSnapshot snapshot = snapshot();
    return snapshot.detail(slug, s -> queries.loadDetail(s, snapshot));
  }

  /** A procedure's page whatever its status, fresh from the database (editors' preview). */
  public Optional<ProcedureDetail> preview(String slug) {
    return queries.loadPreview(slug, snapshot());
  }

  /** The most requested services of the current town: usage first, then editorial order. */
  public List<ProcedureSummary> mostRequested() {
    return snapshot().mostRequested(ranking(), MOST_REQUESTED);
  }

  /**
   * The usage ranking the most requested services are read from, as cached: a new instance means
   * new counts, so pages rendered from the previous one are stale.
   */
  public List<Long> ranking() {
    return rankings.get(
        tenant.require().id(),
        () -> queries.rankByUsage(config.usageWindowDays(), MOST_REQUESTED * 2));
  }

  /** Procedures matching a query, in rank order, one page at a time. */
  public SearchResults search(String query, int page, int size) {
    CatalogueQueries.SearchHits hits = queries.search(query, page * size, size);
    if (hits.total() == 0 && page == 0) {
      usage.recordMiss(tenant.require(), query);
    }
    CatalogueSnapshot snapshot = snapshot();
    return new SearchResults(
        query,
        hits.ids().stream().map(snapshot::procedure).flatMap(Optional::stream).toList(),
        page,
        size,
        hits.total());
  }

  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) CatalogueChanged event) {
    snapshots.evict(event.tenantId());
    rankings.evict(event.tenantId());
  }

  /** New usage counts were written for a town: its ranking is read again at the next request. */
  void usageRecorded(long tenantId) {
    rankings.evict(tenantId);
  }

  /** Number of towns whose catalogue is in memory (for health and tests of the bound). */
  public int cachedTowns() {
    return snapshots.size();
  }

  /** A page of search results. */
  public record SearchResults(
      String query, List<ProcedureSummary> items, int page, int size, long total) {

    public long totalPages() {
      return size == 0 ? 0 : (total + size - 1) / size;
    }
  }
}
