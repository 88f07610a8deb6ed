package fr.cite.platform.tenancy.application;

import fr.cite.platform.communes.FrenchNames;
import fr.cite.platform.tenancy.domain.HexColor;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantStatus;
import java.io.Serializable;

/**
 * What a request needs to know of its town, immutable and cheap to cache: kept per host by the
 * {@link TenantDirectory}, a few hundred bytes each.
 */
public record TenantSnapshot(
    long id,
    String slug,
    String name,
    int nameType,
    String inseeCode,
    TenantStatus status,
    HexColor primaryColor,
    HexColor secondaryColor,
    String defaultLocale,
    boolean provisioned,
    boolean identitySynced)
    implements Serializable {

  public static TenantSnapshot of(Tenant t) {
    return new TenantSnapshot(
        t.id(),
        t.slug(),
        t.officialName(),
        t.nameType(),
        t.inseeCode(),
        t.status(),
        t.branding().primary(),
        t.branding().secondary(),
        t.defaultLocale(),
        t.isProvisioned(),
        !t.isIdentityPending());
  }

  /** "du Havre", "de Mérignac": for "Mairie du Havre". */
  public String nameWithPreposition() {
    return FrenchNames.withPreposition(name, nameType);
  }

  public TenantRef ref() {
    return new TenantRef(id, slug);
  }
}
