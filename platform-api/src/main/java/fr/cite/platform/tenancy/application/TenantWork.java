package fr.cite.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a unit of work for an explicit tenant in a transaction of its own: background jobs (billing
 * runs, imports) and the onboarding steps that fill a new town's data. Works with or without an
 * active request context.
 */
@ApplicationScoped
public class TenantWork {

  @Inject TenantContext context;

  @Inject Transactions transactions;

  @ActivateRequestContext
  public <T> T runAs(TenantRef tenant, Supplier<T> work) {
    TenantRef previous = context.set(tenant);
    try {
      return transactions.inNewTransaction(work);
    } finally {
      context.set(previous);
    }
  }

  /** Opens a new transaction, bound to the tenant then in {@link TenantContext}. */
  @ApplicationScoped
  public static class Transactions {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TenantBound
    public <T> T inNewTransaction(Supplier<T> work) {
      return work.get();
    }
  }
}
