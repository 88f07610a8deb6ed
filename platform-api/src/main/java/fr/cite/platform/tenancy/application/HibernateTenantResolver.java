package fr.cite.platform.tenancy.application;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate the tenant of a new session: the one in {@link TenantContext}, or {@link
 * TenantContext#NO_TENANT} (matching no row) outside any tenant. Hibernate instantiates this class
 * itself (see persistence.xml), hence the programmatic CDI lookup.
 */
public class HibernateTenantResolver implements CurrentTenantIdentifierResolver<Long> {

  @Override
  public Long resolveCurrentTenantIdentifier() {
    try {
      return CDI.current().select(TenantContext.class).get().idOrNone();
    } catch (ContextNotActiveException | IllegalStateException e) {
      return TenantContext.NO_TENANT;
    }
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return false;
  }
}
