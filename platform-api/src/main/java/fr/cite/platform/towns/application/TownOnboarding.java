package fr.cite.platform.towns.application;

import fr.cite.platform.communes.CommuneDirectory;
import fr.cite.platform.communes.CommuneLookup;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import fr.cite.platform.tenancy.application.TownRegistry;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.town.application.TownProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Onboards a town from the official list of communes, in steps that each commit on their own: the
 * town is registered (platform data), then its starter content is written as the town itself
 * (tenant-owned data, under row-level security), then it is marked provisioned. A step that fails
 * leaves the town unprovisioned; {@link #completeProvisioning} runs the remaining steps again, and
 * every step is idempotent. The identity step (Keycloak organization and redirect URIs) never fails
 * the onboarding: when Keycloak is unreachable the town is created "identity pending".
 */
@ApplicationScoped
public class TownOnboarding {

  @Inject CommuneDirectory communes;

  @Inject TownRegistry registry;

  @Inject TownProfiles profiles;

  @Inject TenantWork work;

  @Inject fr.cite.platform.catalogue.application.CatalogueSeeding catalogue;

  @Inject TenantDirectory directory;

  @Inject fr.cite.platform.requests.application.RequestCatalog requestTypes;

  @Inject fr.cite.platform.identity.application.TownIdentitySync identity;

  public Tenant onboard(String inseeCode, TenantStatus initialStatus) {
    CommuneLookup.Current found = requireCurrent(inseeCode);
    Tenant tenant =
        registry.register(
            found.commune(),
            found.slug(),
            initialStatus == null ? TenantStatus.TRIAL : initialStatus);
    return completeProvisioning(tenant);
  }

  /** Runs the provisioning steps of a registered town again; harmless when already done. */
  public Tenant completeProvisioning(Tenant tenant) {
    var commune =
        communes
            .communes()
            .find(tenant.inseeCode())
            .orElseThrow(
                () -> ProblemException.unprocessable("unknown-insee-code", tenant.inseeCode()));
    work.runAs(
        new TenantRef(tenant.id(), tenant.slug()),
        () -> {
          profiles.seedStarterContent(commune);
          catalogue.seedStarterCatalogue(commune.name(), commune.withPreposition());
          requestTypes.seedStarterTypes();
          return null;
        });
    registry.markProvisioned(tenant.id());
    identity.synchronise(tenant.slug());
    directory.evict();
    return registry.findBySlug(tenant.slug());
  }

  private CommuneLookup.Current requireCurrent(String inseeCode) {
    CommuneLookup lookup = communes.communes().lookup(inseeCode);
    if (lookup instanceof CommuneLookup.Current c) {
      return c;
    }
    if (lookup instanceof CommuneLookup.Former f) {
      throw ProblemException.unprocessable(
          "former-insee-code",
          f.code(),
          f.name().isBlank() ? f.kind().replace('-', ' ') : f.name(),
          f.current().name(),
          f.current().inseeCode());
    }
    if (lookup instanceof CommuneLookup.Unknown u) {
      throw ProblemException.unprocessable("unknown-insee-code", u.code());
    }
    throw ProblemException.unprocessable(
        "malformed-insee-code", ((CommuneLookup.Malformed) lookup).value());
  }
}
