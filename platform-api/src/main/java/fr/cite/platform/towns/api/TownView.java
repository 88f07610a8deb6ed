package fr.cite.platform.towns.api;

import fr.cite.platform.tenancy.domain.Tenant;
import java.time.Instant;
import java.util.List;

/** A town as the provider sees it. */
public record TownView(
    long id,
    String slug,
    String name,
    String inseeCode,
    String siren,
    String departement,
    String region,
    List<String> postcodes,
    Integer population,
    String status,
    String statusReason,
    boolean provisioned,
    String identity,
    String identityError,
    String url,
    List<String> hosts,
    BrandingView branding,
    String defaultLocale,
    Instant createdAt,
    Instant updatedAt) {

  /** Colours as {@code #rrggbb}. */
  public record BrandingView(String primaryColor, String secondaryColor) {}

  static TownView of(Tenant t, String platformHost, List<String> customDomains, String url) {
    List<String> hosts =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(platformHost), customDomains.stream())
            .toList();
    return new TownView(
        t.id(),
        t.slug(),
        t.officialName(),
        t.inseeCode(),
        t.siren().orElse(null),
        t.departementCode(),
        t.regionCode().orElse(null),
        t.postcodes(),
        t.population().orElse(null),
        t.status().name(),
        t.statusReason().orElse(null),
        t.isProvisioned(),
        t.isIdentityPending() ? "PENDING" : "SYNCED",
        t.identityError().orElse(null),
        url,
        hosts,
        new BrandingView(t.branding().primary().value(), t.branding().secondary().value()),
        t.defaultLocale(),
        t.createdAt(),
        t.updatedAt());
  }
}
