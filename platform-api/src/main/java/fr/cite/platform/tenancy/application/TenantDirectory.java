package fr.cite.platform.tenancy.application;

import fr.cite.platform.config.CiteConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Resolves request hosts to towns, with a bounded cache in front of the database so that a page
 * view costs no query for the host. Changes made through this node are visible at once ({@link
 * #evict}); other nodes see them within the cache's time to live.
 */
@ApplicationScoped
public class TenantDirectory {

  @Inject CiteConfig config;

  @Inject TenantLookup lookup;

  private ExpiringCache<String, TenantSnapshot> cache;
  private HostResolver resolver;

  @PostConstruct
  void init() {
    cache =
        new ExpiringCache<>(
            config.tenantCacheTtl(), config.tenantCacheMaxEntries(), Clock.systemUTC());
    resolver =
        new HostResolver(
            config.baseDomain(),
            slug -> cache.get("slug:" + slug, k -> loadBySlug(slug)),
            host -> cache.get("host:" + host, k -> loadByDomain(host)));
  }

  public HostResolution resolve(String host) {
    return resolver.resolve(host);
  }

  public String platformHostOf(String slug) {
    return resolver.platformHostOf(slug);
  }

  /** Forgets every cached host, after a town changed (status, branding, domains). */
  public void evict() {
    cache.invalidateAll();
  }

  private Optional<TenantSnapshot> loadBySlug(String slug) {
    return lookup.bySlug(slug);
  }

  private Optional<TenantSnapshot> loadByDomain(String host) {
    return lookup.byVerifiedDomain(host);
  }
}
