package fr.cite.payments.online;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.billing.Regie;
import fr.cite.payments.domain.Money;
import fr.cite.payments.domain.PaymentProvider;
import fr.cite.payments.domain.PaymentProvider.CheckoutStatus;
import fr.cite.payments.stripe.StripeProvider;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.family.application.FamilyRequests;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Online payment of an invoice: opens a Stripe Checkout as a direct charge on the régie's account
 * for exactly what is left to pay (a partial amount or an invoice already paid is refused), one
 * open attempt per invoice, and applies what Stripe says about it — re-read from Stripe, through a
 * state machine that only moves forward, so that events replayed, shuffled or late change nothing.
 */
@ApplicationService
public class Checkouts {

  private static final Logger LOG = Logger.getLogger(Checkouts.class);

  /** How long a Checkout stays open (Stripe: 30 min to 24 h). */
  static final Duration OPEN_FOR = Duration.ofMinutes(30);

  @PersistenceContext EntityManager em;

  @Inject StripeProvider stripe;

  @Inject TenantContext tenant;

  @Inject CiteConfig config;

  @Inject FamilyRequests requests;

  @Inject MailSender mail;

  @Inject fr.cite.payments.billing.InvoiceIssuer issuer;

  @Inject fr.cite.payments.billing.RequestFees fees;

  @Inject fr.cite.platform.requests.application.RequestDesk desk;

  /** Where the payer goes: the provider's page. */
  public record Redirect(URI url, long attemptId) {}

  /**
   * Opens (or returns the open) payment page for the invoice of this household.
   *
   * @param amountCents what the payer means to pay: must be the whole balance
   */
  public Redirect start(
      long invoiceId, long householdId, long amountCents, URI back, String by, String language) {
    Invoice invoice = em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
    if (invoice == null || invoice.householdId() == null || invoice.householdId() != householdId) {
      throw new ProblemException(404, "invoice-not-found");
    }
    return open(invoice, amountCents, back, by, language);
  }

  /**
   * Opens (or returns the open) payment page of a request's fee, for its citizen: the same Checkout
   * as an invoice's, for the whole fee.
   */
  public Redirect startFee(long demandeId, String subject, URI back, String language) {
    Demande d = em.find(Demande.class, demandeId);
    if (d == null || subject == null || !d.citizenSubject().map(subject::equals).orElse(false)) {
      throw new ProblemException(404, "invoice-not-found");
    }
    Long invoiceId =
        fees.invoiceOf(demandeId)
            .orElseThrow(() -> new ProblemException(404, "request-fee-not-found"));
    Invoice invoice = em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
    return open(invoice, invoice.remainingCents(), back, subject, language);
  }

  private Redirect open(Invoice invoice, long amountCents, URI back, String by, String language) {
    long invoiceId = invoice.id();
    if (invoice.kind() != Invoice.Kind.INVOICE || invoice.status() == Invoice.Status.DRAFT) {
      throw new ProblemException(409, "invoice-not-payable");
    }
    if (invoice.status() == Invoice.Status.PAID || invoice.remainingCents() == 0) {
      throw new ProblemException(409, "invoice-already-paid");
    }
    if (amountCents != invoice.remainingCents()) {
      throw new ProblemException(
          422,
          "payment-partial-refused",
          Money.ofCents(invoice.remainingCents()).format(Locale.FRANCE));
    }
    PaymentAccount account =
        em.createQuery("select a from PaymentAccount a where a.regieId = :r", PaymentAccount.class)
            .setParameter("r", invoice.regieId())
            .getResultStream()
            .filter(PaymentAccount::chargesEnabled)
            .findFirst()
            .orElseThrow(() -> new ProblemException(409, "payment-online-unavailable"));
    if (!stripe.configured()) {
      throw new ProblemException(409, "payment-online-unavailable");
    }
    Instant now = Instant.now();
    Optional<PaymentAttempt> open =
        em.createQuery(
                "select a from PaymentAttempt a where a.invoiceId = :i and a.status in :s",
                PaymentAttempt.class)
            .setParameter("i", invoiceId)
            .setParameter(
                "s",
                List.of(
                    PaymentAttempt.Status.CREATED,
                    PaymentAttempt.Status.OPEN,
                    PaymentAttempt.Status.PROCESSING))
            .getResultStream()
            .findFirst();
    if (open.isPresent()) {
      PaymentAttempt a = open.get();
      if (a.status() == PaymentAttempt.Status.PROCESSING) {
        throw new ProblemException(409, "payment-processing");
      }
      if (a.status() == PaymentAttempt.Status.OPEN
          && a.amountCents() == amountCents
          && a.expiresAt().isAfter(now.plusSeconds(60))) {
        return new Redirect(URI.create(a.url()), a.id());
      }
      // Stale or for another amount: closed at Stripe first, so that only one can be paid.
      if (a.providerSession() != null) {
        stripe.expire(account.accountRef(), a.providerSession());
      }
      a.moveTo(PaymentAttempt.Status.EXPIRED, now);
      em.flush();
    }
    Regie regie = em.find(Regie.class, invoice.regieId());
    PaymentAttempt attempt =
        new PaymentAttempt(
            invoiceId,
            account.id(),
            UUID.randomUUID().toString(),
            amountCents,
            now.plus(OPEN_FOR),
            by,
            now);
    em.persist(attempt);
    em.flush();
    String number = invoice.number().orElseThrow();
    PaymentProvider.Checkout c =
        stripe.startCheckout(
            account.accountRef(),
            new PaymentProvider.CheckoutRequest(
                attempt.idempotencyKey(),
                amountCents,
                "Facture " + number + " — " + regie.nameFr(),
                URI.create(
                    back + (back.getQuery() == null ? "?" : "&") + "paiement=" + attempt.token()),
                URI.create(back + (back.getQuery() == null ? "?" : "&") + "paiement=annule"),
                attempt.token(),
                Map.of(
                    "town", Long.toString(tenant.require().id()),
                    "regie", Long.toString(regie.id()),
                    "invoice", Long.toString(invoiceId),
                    "attempt", attempt.token()),
                regie.sepaEnabled(),
                attempt.expiresAt(),
                language,
                Long.parseLong(config.string("cite.stripe.application-fee-cents", "0"))));
    attempt.opened(c.id(), c.url(), c.expiresAt(), now);
    return new Redirect(c.url(), attempt.id());
  }

  /**
   * The id of the attempt a Checkout belongs to, in this town: only its id, so that {@link #apply}
   * is the first to load the attempt, under its lock. Loaded here, the entity would keep the fields
   * read before the lock (find with a lock does not read a held entity again): two events of one
   * Checkout applied at once both saw it open, and the second found its invoice paid twice.
   */
  public Optional<Long> attemptOfSession(String session) {
    return em.createQuery(
            "select a.id from PaymentAttempt a where a.providerSession = :s", Long.class)
        .setParameter("s", session)
        .getResultStream()
        .findFirst();
  }

  /**
   * Re-reads the attempt's Checkout from Stripe and applies it; {@code failed} when Stripe said the
   * delayed debit failed (the session itself still reads unpaid). Returns what happened.
   */
  public String apply(long attemptId, boolean failed) {
    PaymentAttempt a = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
    if (a == null) {
      return "unknown attempt";
    }
    if (!a.status().pending()) {
      return "already " + a.status();
    }
    PaymentAccount account = em.find(PaymentAccount.class, a.accountId());
    CheckoutStatus s = stripe.checkout(account.accountRef(), a.providerSession());
    if (!Long.toString(tenant.require().id()).equals(s.metadata().get("town"))
        || !a.token().equals(s.metadata().get("attempt"))) {
      LOG.warnf("Checkout %s does not belong to attempt %d: ignored", s.id(), a.id());
      return "foreign checkout";
    }
    Instant now = Instant.now();
    if (s.paid()) {
      if (s.amountCents() != a.amountCents()) {
        LOG.errorf(
            "Checkout %s paid %d cents for an attempt of %d: left for the régie to look at",
            s.id(), s.amountCents(), a.amountCents());
        return "amount mismatch";
      }
      a.moveTo(PaymentAttempt.Status.SUCCEEDED, now);
      a.paidBy(s.paymentReference());
      received(a, "sepa_debit".equals(s.method()) ? "SEPA_DEBIT" : "CARD", now);
      return "paid";
    }
    if ("complete".equals(s.status())) {
      if (failed) {
        a.moveTo(PaymentAttempt.Status.FAILED, now);
        return "failed";
      }
      a.moveTo(PaymentAttempt.Status.PROCESSING, now);
      return "processing";
    }
    if ("expired".equals(s.status())) {
      a.moveTo(PaymentAttempt.Status.EXPIRED, now);
      return "expired";
    }
    return "open";
  }

  void received(PaymentAttempt a, String method, Instant now) {
    Invoice invoice = em.find(Invoice.class, a.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
    if (a.amountCents() > invoice.remainingCents()) {
      LOG.errorf(
          "Invoice %s was paid twice (attempt %d): the régie must refund %d cents",
          invoice.number().orElse("?"), a.id(), a.amountCents());
      return;
    }
    Regie regie = em.find(Regie.class, invoice.regieId());
    int year = LocalDate.now(fr.cite.payments.billing.InvoiceIssuer.PARIS).getYear();
    int seq = issuer.next(regie.id(), "RECEIPT", year);
    String receipt = String.format(Locale.ROOT, "R-%s-%d-%06d", regie.numberPrefix(), year, seq);
    em.persist(new Payment(invoice.id(), a.id(), method, a.amountCents(), now, receipt));
    invoice.received(a.amountCents());
    if (invoice.fee()) {
      // The request itself goes on: its agents see the fee paid in its history.
      em.find(Demande.class, invoice.demandeId())
          .reference()
          .ifPresent(
              ref ->
                  desk.note(
                      ref,
                      "Frais de "
                          + Money.ofCents(a.amountCents()).format(Locale.FRANCE)
                          + " payés en ligne (facture "
                          + invoice.number().orElse("")
                          + ", reçu "
                          + receipt
                          + ").",
                      "Régie"));
    } else if (invoice.status() == Invoice.Status.PAID && invoice.demandeId() != null) {
      requests.decide(invoice.demandeId(), RequestStatus.DONE, null, "Régie");
    }
    String email = payerEmail(invoice);
    if (email != null) {
      mail.sendAfterCommit(
          new MailSender.Mail(
              email,
              "Paiement reçu — facture " + invoice.number().orElse(""),
              "Bonjour,\n\nNous avons bien reçu votre paiement de "
                  + Money.ofCents(a.amountCents()).format(Locale.FRANCE)
                  + " pour la facture "
                  + invoice.number().orElse("")
                  + " (reçu "
                  + receipt
                  + (invoice.fee()
                      ? "). Le reçu est sur la page de votre demande.\n\n(English: we received"
                          + " your payment; the receipt is on your request's page.)"
                      : "). Le reçu est dans votre espace famille.\n\n(English: we received"
                          + " your payment; the receipt is in your family space.)")));
    }
  }

  static String payerEmail(Invoice invoice) {
    jakarta.json.JsonObject o =
        jakarta.json.Json.createReader(new java.io.StringReader(invoice.payer())).readObject();
    return o.getString("email", null);
  }

  /** Pending attempts whose page should have closed: re-read from Stripe (the janitor). */
  public List<Long> stale(Instant now) {
    return em.createQuery(
            "select a.id from PaymentAttempt a where a.status in :s and a.expiresAt < :t",
            Long.class)
        .setParameter("s", List.of(PaymentAttempt.Status.OPEN, PaymentAttempt.Status.PROCESSING))
        .setParameter("t", now)
        .setMaxResults(500)
        .getResultList();
  }
}
