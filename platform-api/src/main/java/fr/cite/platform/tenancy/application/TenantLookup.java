package fr.cite.platform.tenancy.application;

import fr.cite.platform.tenancy.domain.TenantRepository;
import jakarta.inject.Inject;
import java.util.Optional;

/** Reads towns for host resolution, in a short transaction of its own; cached by the directory. */
@ApplicationService
public class TenantLookup {

  @Inject TenantRepository tenants;

  public Optional<TenantSnapshot> bySlug(String slug) {
    return tenants.findBySlug(slug).map(TenantSnapshot::of);
  }

  public Optional<TenantSnapshot> byVerifiedDomain(String host) {
    return tenants.findByVerifiedDomain(host).map(TenantSnapshot::of);
  }
}
