package fr.cite.platform.identity.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.application.TownRegistry;
import fr.cite.platform.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Brings a town's identity (Keycloak organization, redirect URIs, enabled flag) in line with the
 * town. Never fails because the provider is down: the town is then left "identity pending", and the
 * next call (a retry by an operator, or the next change) completes it.
 */
@ApplicationScoped
public class TownIdentitySync {

  private static final Logger LOG = Logger.getLogger(TownIdentitySync.class);

  @Inject TownRegistry registry;

  @Inject TownIdentity identity;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  /**
   * The organization's name, unique in the realm as Keycloak requires: the commune's name, with its
   * département for homonyms (Segonzac in Charente, Corrèze and Dordogne: "Segonzac (19)"), whose
   * slugs carry it too.
   */
  static String organizationName(Tenant town) {
    String dept = town.departementCode();
    boolean homonym =
        dept != null && town.slug().endsWith("-" + dept.toLowerCase(java.util.Locale.ROOT));
    return homonym ? town.officialName() + " (" + dept + ")" : town.officialName();
  }

  /** Returns true when the town's identity is in sync after the call. */
  public boolean synchronise(String slug) {
    Tenant town = registry.findBySlug(slug);
    String portalUrl = config.publicUrl(directory.platformHostOf(town.slug()));
    TownIdentity.TownDescription description =
        new TownIdentity.TownDescription(
            town.slug(),
            organizationName(town),
            town.status().serves(),
            Map.of(
                "inseeCode",
                List.of(town.inseeCode()),
                "nameWithPreposition",
                List.of(
                    fr.cite.platform.communes.FrenchNames.withPreposition(
                        town.officialName(), town.nameType())),
                "primaryColor",
                List.of(town.branding().primary().value()),
                "secondaryColor",
                List.of(town.branding().secondary().value()),
                "onPrimaryColor",
                List.of(town.branding().primary().readableText().value()),
                "logoUrl",
                List.of(portalUrl + "/api/v1/town/logo"),
                "portalUrl",
                List.of(portalUrl)),
            town.identityOrganizationId().orElse(null));
    try {
      String organizationId = identity.synchronise(description);
      registry.identitySynced(town.id(), organizationId, town.updatedAt());
      return true;
    } catch (IdentityUnavailableException e) {
      LOG.warnf("Identity of town %s left pending: %s", slug, e.getMessage());
      LOG.debug("Identity failure", e);
      registry.identityPending(town.id(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.errorf(e, "Identity of town %s left pending after an unexpected failure", slug);
      registry.identityPending(town.id(), "Unexpected failure: " + e.getClass().getSimpleName());
      return false;
    }
  }
}
