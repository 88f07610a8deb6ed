package fr.cite.platform.tenancy.application;

import fr.cite.platform.communes.Slugs;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Maps a request's {@code Host} to a town, the platform, or nothing. Pure logic: lookups are given
 * as functions so that the rules are unit-tested without a database.
 *
 * <p>{@code <slug>.<base domain>} is a town's platform host; the bare base domain is the platform;
 * anything else must be a custom domain the town verified.
 */
public final class HostResolver {

  private static final Pattern HOST_SYNTAX =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private final String baseDomain;
  private final Function<String, Optional<TenantSnapshot>> bySlug;
  private final Function<String, Optional<TenantSnapshot>> byCustomDomain;

  public HostResolver(
      String baseDomain,
      Function<String, Optional<TenantSnapshot>> bySlug,
      Function<String, Optional<TenantSnapshot>> byCustomDomain) {
    this.baseDomain = normalise(baseDomain);
    this.bySlug = bySlug;
    this.byCustomDomain = byCustomDomain;
  }

  public HostResolution resolve(String hostHeader) {
    String host = normalise(hostHeader);
    if (host == null || host.length() > 253 || !HOST_SYNTAX.matcher(host).matches()) {
      return new HostResolution.Unknown(String.valueOf(hostHeader));
    }
    if (host.equals(baseDomain)) {
      return new HostResolution.Platform();
    }
    Optional<TenantSnapshot> tenant;
    String suffix = "." + baseDomain;
    if (host.endsWith(suffix)) {
      String label = host.substring(0, host.length() - suffix.length());
      tenant = Slugs.isValid(label) ? bySlug.apply(label) : Optional.empty();
    } else {
      tenant = byCustomDomain.apply(host);
    }
    return tenant
        .<HostResolution>map(
            t -> t.status().serves() ? new HostResolution.Town(t) : new HostResolution.Suspended(t))
        .orElseGet(() -> new HostResolution.Unknown(host));
  }

  /** The platform host of a town: {@code <slug>.<base domain>}. */
  public String platformHostOf(String slug) {
    return slug + "." + baseDomain;
  }

  /** Lower case, without port or trailing dot; {@code null} for an empty or IPv6-literal host. */
  static String normalise(String host) {
    if (host == null || host.isBlank() || host.startsWith("[")) {
      return null;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    int colon = h.indexOf(':');
    if (colon >= 0) {
      h = h.substring(0, colon);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.isEmpty() ? null : h;
  }
}
