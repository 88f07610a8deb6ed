package fr.cite.admin.provider;

import fr.cite.platform.tenancy.domain.Tenant;
import java.io.Serializable;
import java.time.Instant;

/** A town as the provider console lists it. */
public record TownRow(
    long id,
    String slug,
    String name,
    String inseeCode,
    String departement,
    Integer population,
    String status,
    String statusReason,
    Instant createdAt,
    String portalUrl)
    implements Serializable {

  static TownRow of(Tenant t, String portalUrl) {
    return new TownRow(
        t.id(),
        t.slug(),
        t.officialName(),
        t.inseeCode(),
        t.departementCode(),
        t.population().orElse(null),
        t.status().name(),
        t.statusReason().orElse(null),
        t.createdAt(),
        portalUrl);
  }

  public boolean suspended() {
    return "SUSPENDED".equals(status);
  }
}
