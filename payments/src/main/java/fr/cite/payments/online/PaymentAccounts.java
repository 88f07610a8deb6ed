package fr.cite.payments.online;

import fr.cite.payments.billing.Regie;
import fr.cite.payments.stripe.StripeProvider;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Onboards a régie onto Stripe Connect: the platform creates the connected account once
 * (idempotency key of the town and régie) and hands an Account Link to the officer; the account's
 * state is kept from {@code account.updated} events and from a re-read when the officer returns.
 */
@ApplicationService
public class PaymentAccounts {

  @PersistenceContext EntityManager em;

  @Inject StripeProvider stripe;

  @Inject TenantContext tenant;

  @Inject fr.cite.payments.billing.TownName townName;

  public Optional<PaymentAccount> of(long regieId) {
    return em.createQuery(
            "select a from PaymentAccount a where a.regieId = :r", PaymentAccount.class)
        .setParameter("r", regieId)
        .getResultStream()
        .findFirst();
  }

  /** The account of the régie, created at Stripe if it has none, and a link to complete it. */
  public URI onboard(long regieId, URI returnUrl, URI refreshUrl, String email) {
    if (!stripe.configured()) {
      throw new ProblemException(409, "payments-not-configured");
    }
    Regie regie = em.find(Regie.class, regieId);
    if (regie == null) {
      throw new ProblemException(404, "regie-not-found");
    }
    PaymentAccount account =
        of(regieId)
            .orElseGet(
                () -> {
                  String town = townName.current();
                  String ref =
                      stripe.createAccount(
                          "acct-" + tenant.require().id() + "-" + regieId,
                          town,
                          regie.nameFr(),
                          email);
                  PaymentAccount a = new PaymentAccount(regieId, stripe.name(), ref, Instant.now());
                  em.persist(a);
                  em.createNativeQuery(
                          "insert into payment_account_directory (provider, account_ref,"
                              + " tenant_id) values (?1, ?2, ?3) on conflict do nothing")
                      .setParameter(1, stripe.name())
                      .setParameter(2, ref)
                      .setParameter(3, tenant.require().id())
                      .executeUpdate();
                  return a;
                });
    return stripe
        .onboardingLink(account.accountRef(), returnUrl, refreshUrl)
        .orElseThrow(() -> new ProblemException(409, "payments-not-configured"));
  }

  /** Reads the account's state again from Stripe (the officer is back from onboarding). */
  public Optional<PaymentAccount> refresh(long regieId) {
    Optional<PaymentAccount> a = of(regieId);
    a.ifPresent(acc -> acc.update(stripe.account(acc.accountRef()), Instant.now()));
    return a;
  }

  /** After an {@code account.updated} event: the state re-read, never taken from the event. */
  public void refreshByRef(String accountRef) {
    em.createQuery("select a from PaymentAccount a where a.accountRef = :r", PaymentAccount.class)
        .setParameter("r", accountRef)
        .getResultStream()
        .findFirst()
        .ifPresent(a -> a.update(stripe.account(a.accountRef()), Instant.now()));
  }
}
