package fr.cite.platform.tenancy.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The tenant of the current unit of work: filled from the host by the tenant filter for web
 * requests, and set explicitly by background work through {@link TenantWork}. Read by Hibernate (to
 * filter tenant-owned entities) and by {@link TenantBindingInterceptor} (to set PostgreSQL's {@code
 * app.tenant_id}).
 */
@RequestScoped
public class TenantContext {

  /** Tenant id that matches no row: used by Hibernate when no tenant is set. */
  public static final long NO_TENANT = 0L;

  private TenantRef current;

  public Optional<TenantRef> current() {
    return Optional.ofNullable(current);
  }

  public TenantRef require() {
    if (current == null) {
      throw new IllegalStateException("No tenant in this unit of work");
    }
    return current;
  }

  public long idOrNone() {
    return current == null ? NO_TENANT : current.id();
  }

  /** Sets the tenant; returns the previous one so that nested work can restore it. */
  public TenantRef set(TenantRef tenant) {
    TenantRef previous = current;
    current = tenant;
    return previous;
  }
}
