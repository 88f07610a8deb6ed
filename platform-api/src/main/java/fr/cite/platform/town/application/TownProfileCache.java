package fr.cite.platform.town.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TownCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The current town's profile (offices, logo) as every portal page shows it in its header and the
 * home in its town hall card: kept in memory per town, dropped when the town changes it, otherwise
 * read again after the tenant cache's time to live.
 */
@ApplicationScoped
public class TownProfileCache {

  /** Fired when a town's offices or logo change. */
  public record Changed(long tenantId) {}

  @Inject TownProfiles profiles;

  @Inject TenantContext tenant;

  @Inject CiteConfig config;

  private TownCache<TownProfile> cache;

  @PostConstruct
  void init() {
    cache =
        new TownCache<>(
            config.tenantCacheTtl(), config.catalogueCacheMaxTowns(), Clock.systemUTC());
  }

  public TownProfile current() {
    return cache.get(tenant.require().id(), profiles::current);
  }

  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed event) {
    cache.evict(event.tenantId());
  }
}
