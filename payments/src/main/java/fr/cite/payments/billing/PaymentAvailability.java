package fr.cite.payments.billing;

import fr.cite.payments.stripe.StripeProvider;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Whether a régie can be paid online now: Stripe configured and its account charges-enabled. */
@ApplicationService
public class PaymentAvailability {

  @PersistenceContext EntityManager em;

  @Inject StripeProvider stripe;

  public boolean online(long regieId) {
    return stripe.configured()
        && !em.createNativeQuery(
                "select 1 from payment_account where regie_id = ?1 and charges_enabled")
            .setParameter(1, regieId)
            .getResultList()
            .isEmpty();
  }
}
