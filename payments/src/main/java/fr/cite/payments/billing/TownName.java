package fr.cite.payments.billing;

import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantLookup;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The name of the town of the unit of work, as its portal prints it (invoices, receipts, Stripe).
 */
@ApplicationScoped
public class TownName {

  @Inject TenantLookup lookup;

  @Inject TenantContext tenant;

  public String current() {
    String slug = tenant.require().slug();
    return lookup.bySlug(slug).map(TenantSnapshot::name).orElse(slug);
  }
}
