package fr.cite.platform.tenancy.application;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs {@code set_config('app.tenant_id', <tenant>, true)} once per JTA transaction and tenant,
 * right after the transaction begins (this interceptor's priority places it inside the
 * {@code @Transactional} one). The setting is transaction-local: it ends with the transaction and
 * never leaks to the next user of a pooled connection.
 */
@TenantBound
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class TenantBindingInterceptor {

  private static final String BOUND_TENANT = TenantBindingInterceptor.class.getName() + ".tenant";

  @Inject TenantContext tenantContext;

  @PersistenceContext EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  public Object bind(InvocationContext invocation) throws Exception {
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      long tenant = currentTenant();
      Object bound = transactions.getResource(BOUND_TENANT);
      if (bound == null || (long) bound != tenant) {
        em.createNativeQuery("select set_config('app.tenant_id', ?1, true)")
            .setParameter(1, tenant == TenantContext.NO_TENANT ? "" : Long.toString(tenant))
            .getSingleResult();
        transactions.putResource(BOUND_TENANT, tenant);
      }
    }
    return invocation.proceed();
  }

  private long currentTenant() {
    try {
      return tenantContext.idOrNone();
    } catch (ContextNotActiveException e) {
      return TenantContext.NO_TENANT;
    }
  }
}
