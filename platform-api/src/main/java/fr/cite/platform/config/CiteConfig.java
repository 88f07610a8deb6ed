package fr.cite.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Platform configuration, read from system properties first and environment variables second, with
 * defaults that suit a developer's machine. Every key is documented in the README.
 *
 * <p>A key {@code cite.base-domain} is looked up as the system property {@code cite.base-domain}
 * and then as the environment variable {@code CITE_BASE_DOMAIN}.
 */
@ApplicationScoped
public class CiteConfig {

  /**
   * Host under which every town gets {@code <slug>.<base domain>}; the bare domain is the
   * platform's.
   */
  public String baseDomain() {
    return string("cite.base-domain", "localhost").toLowerCase(java.util.Locale.ROOT);
  }

  /** Scheme of the public URLs the platform prints and returns ({@code http} or {@code https}). */
  public String publicScheme() {
    return string("cite.public-scheme", "http");
  }

  /** Port of the public URLs, empty when it is the scheme's default. */
  public String publicPort() {
    return string("cite.public-port", "");
  }

  /** Shared secret of the provider API until operators sign in through Keycloak. */
  public Optional<String> operatorToken() {
    return lookup("cite.operator-token").filter(s -> !s.isBlank());
  }

  /** Name of the database role the application connects as; granted rights by the migrations. */
  public String databaseAppRole() {
    return string("cite.db.app-user", "cite_app");
  }

  /** How long a resolved host is trusted before being read again from the database. */
  public Duration tenantCacheTtl() {
    return Duration.ofSeconds(Long.parseLong(string("cite.tenant-cache.ttl-seconds", "30")));
  }

  /**
   * Upper bound of hosts kept in the tenant cache, so memory stays bounded whatever the traffic.
   */
  public int tenantCacheMaxEntries() {
    return Integer.parseInt(string("cite.tenant-cache.max-entries", "50000"));
  }

  /** How long a town's catalogue stays cached when nothing changes it (changes evict at once). */
  public Duration catalogueCacheTtl() {
    return Duration.ofSeconds(Long.parseLong(string("cite.catalogue-cache.ttl-seconds", "600")));
  }

  /** Upper bound of towns whose catalogue is cached at once, so memory stays bounded. */
  public int catalogueCacheMaxTowns() {
    return Integer.parseInt(string("cite.catalogue-cache.max-towns", "2000"));
  }

  /** Memory given to rendered catalogue pages (anonymous readers), in megabytes; 0 turns it off. */
  public long pageCacheBytes() {
    return Long.parseLong(string("cite.page-cache.mb", "128")) * 1024 * 1024;
  }

  /** How often usage counts (page views, e-service starts) are written to the database. */
  public Duration usageFlushInterval() {
    return Duration.ofSeconds(Long.parseLong(string("cite.usage.flush-seconds", "30")));
  }

  /** The sliding window over which the most requested services are ranked. */
  public int usageWindowDays() {
    return Integer.parseInt(string("cite.usage.window-days", "30"));
  }

  /** Keycloak's base URL, e.g. {@code http://localhost:8180}; identity is off when absent. */
  public Optional<String> keycloakUrl() {
    return lookup("cite.keycloak.url").filter(s -> !s.isBlank()).map(s -> s.replaceAll("/+$", ""));
  }

  /** The one realm of citizens, staff and operators. */
  public String keycloakRealm() {
    return string("cite.keycloak.realm", "cite");
  }

  /** Client of the portals and consoles (authorization code flow). */
  public String keycloakPortalClient() {
    return string("cite.keycloak.portal-client", "cite-portal");
  }

  public String keycloakPortalSecret() {
    return string("cite.keycloak.portal-secret", "");
  }

  /** Service account the platform uses to create organizations and register hosts. */
  public String keycloakPlatformClient() {
    return string("cite.keycloak.platform-client", "cite-platform");
  }

  public String keycloakPlatformSecret() {
    return string("cite.keycloak.platform-secret", "");
  }

  /**
   * Where payment forms lead: Stripe's Checkout and Connect pages when a Stripe key is set, or the
   * local double's address ({@code CITE_STRIPE_API_BASE}); nothing when online payment is off.
   */
  public java.util.List<String> paymentPageOrigins() {
    if (lookup("cite.stripe.secret-key").isEmpty()) {
      return java.util.List.of();
    }
    return lookup("cite.stripe.api-base")
        .map(java.util.List::of)
        .orElse(java.util.List.of("https://checkout.stripe.com", "https://connect.stripe.com"));
  }

  /**
   * The map's tile server, a URL template ({@code https://tile.example.fr/{z}/{x}/{y}.png}) from
   * {@code CITE_MAP_TILES}; none by default: maps draw the town's outline and sectors on a blank
   * layer, and no page reaches outside the platform.
   */
  public Optional<String> mapTiles() {
    return lookup("cite.map-tiles")
        .filter(t -> t.startsWith("https://") || t.startsWith("http://"));
  }

  /** Attribution the tile server asks for ({@code CITE_MAP_TILES_ATTRIBUTION}). */
  public String mapTilesAttribution() {
    return string("cite.map-tiles-attribution", "");
  }

  /**
   * Address (host:port) the custom-domain check connects to instead of the domain itself; empty in
   * production (the domain's own address, port 80).
   */
  public Optional<String> lookupDomainCheckAddress() {
    return lookup("cite.domain-check.address");
  }

  public String publicUrl(String host) {
    String port = publicPort();
    return publicScheme() + "://" + host + (port.isBlank() ? "" : ":" + port);
  }

  public String string(String key, String defaultValue) {
    return lookup(key).orElse(defaultValue);
  }

  /** Looks a key up as a system property, then as an environment variable. */
  public static Optional<String> lookup(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      value = System.getenv(environmentName(key));
    }
    return Optional.ofNullable(value);
  }

  static String environmentName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
