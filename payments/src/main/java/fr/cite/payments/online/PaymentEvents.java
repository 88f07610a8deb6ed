package fr.cite.payments.online;

import fr.cite.payments.domain.PaymentProvider.BadNotification;
import fr.cite.payments.domain.PaymentProvider.Notification;
import fr.cite.payments.stripe.StripeProvider;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantRef;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The inbox of provider events. An event is stored once (its unique id) under the town that owns
 * the connected account it came from — never the town its metadata names — and processed after:
 * checkout events re-read the Checkout and move the attempt on, {@code account.updated} re-reads
 * the account.
 */
@ApplicationService
public class PaymentEvents {

  @PersistenceContext EntityManager em;

  @Inject Checkouts checkouts;

  @Inject PaymentAccounts accounts;

  @Inject StripeProvider stripe;

  /** The town of a connected account, from the platform's directory (no tenant needed). */
  @SuppressWarnings("unchecked")
  public Optional<TenantRef> townOf(String provider, String account) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select t.id, t.slug from payment_account_directory d join tenant t"
                    + " on t.id = d.tenant_id where d.provider = ?1 and d.account_ref = ?2")
            .setParameter(1, provider)
            .setParameter(2, account)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new TenantRef(((Number) r[0]).longValue(), (String) r[1]));
  }

  /**
   * Checks that the event's metadata, if it names a town, names this one; a town B account carrying
   * town A's invoice is refused.
   */
  public static void belongs(Notification n, TenantRef town) {
    String named = n.metadata().get("town");
    if (named != null && !named.equals(Long.toString(town.id()))) {
      throw new BadNotification("event of account " + n.account() + " names another town");
    }
  }

  /** Stores the event in this town's inbox; its row id, or empty when it was already there. */
  public Optional<Long> store(Notification n) {
    List<?> id =
        em.createNativeQuery(
                "insert into payment_event (id, provider, event_id, type, account_ref, object_ref,"
                    + " payload, received_at) values (nextval('billing_row_seq'), ?1, ?2, ?3, ?4,"
                    + " ?5, cast(?6 as jsonb), ?7) on conflict (provider, event_id) do nothing"
                    + " returning id")
            .setParameter(1, stripe.name())
            .setParameter(2, n.eventId())
            .setParameter(3, n.type())
            .setParameter(4, n.account())
            .setParameter(5, n.objectId())
            .setParameter(6, n.payload())
            .setParameter(7, Instant.now())
            .getResultList();
    return id.stream().findFirst().map(v -> ((Number) v).longValue());
  }

  /** Processes a stored event (once: a processed event is skipped). */
  public String process(long eventRowId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select type, object_ref, account_ref, processed_at from payment_event"
                        + " where id = ?1 for update")
                .setParameter(1, eventRowId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (row == null || row[3] != null) {
      return "skipped";
    }
    String type = (String) row[0];
    String object = (String) row[1];
    String outcome;
    if (type.startsWith("checkout.session.")) {
      outcome =
          checkouts
              .attemptOfSession(object)
              .map(a -> checkouts.apply(a, type.equals("checkout.session.async_payment_failed")))
              .orElse("no attempt for " + object);
    } else if (type.equals("account.updated")) {
      accounts.refreshByRef((String) row[2]);
      outcome = "account refreshed";
    } else {
      outcome = "ignored";
    }
    em.createNativeQuery("update payment_event set processed_at = ?2, outcome = ?3 where id = ?1")
        .setParameter(1, eventRowId)
        .setParameter(2, Instant.now())
        .setParameter(3, outcome.length() > 200 ? outcome.substring(0, 200) : outcome)
        .executeUpdate();
    return outcome;
  }

  /** Events stored and not processed (a crash between the two), oldest first. */
  @SuppressWarnings("unchecked")
  public List<Long> unprocessed(Instant before) {
    return ((List<Number>)
            em.createNativeQuery(
                    "select id from payment_event where processed_at is null and received_at < ?1"
                        + " order by received_at limit 500")
                .setParameter(1, before)
                .getResultList())
        .stream().map(Number::longValue).toList();
  }

  /** Towns with a payment account, for the janitor (platform data). */
  @SuppressWarnings("unchecked")
  public List<TenantRef> townsWithAccounts() {
    List<Object[]> rows =
        em.createNativeQuery(
                "select distinct t.id, t.slug from payment_account_directory d"
                    + " join tenant t on t.id = d.tenant_id order by t.id")
            .getResultList();
    return rows.stream()
        .map(r -> new TenantRef(((Number) r[0]).longValue(), (String) r[1]))
        .toList();
  }
}
