package fr.cite.payments.online;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.billing.InvoiceIssuer;
import fr.cite.payments.domain.Money;
import fr.cite.payments.domain.PaymentProvider;
import fr.cite.payments.stripe.StripeProvider;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Refunds by the régie's finance officers, whole or partial, of a payment made online: the money
 * goes back through Stripe on the town's account (idempotency key of the refund), and a credit note
 * of its own series says so; the invoice is then neither paid nor due for that amount.
 */
@ApplicationService
public class Refunds {

  @PersistenceContext EntityManager em;

  @Inject StripeProvider stripe;

  @Inject InvoiceIssuer issuer;

  /** What was refunded, and the credit note that says so. */
  public record Refunded(long refundId, String status, long creditNoteId, String creditNote) {}

  public Refunded refund(long paymentId, long cents, String reason, String by) {
    Payment p = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (p == null) {
      throw new ProblemException(404, "payment-not-found");
    }
    long refunded =
        ((Number)
                em.createNativeQuery(
                        "select coalesce(sum(amount_cents), 0) from payment_refund"
                            + " where payment_id = ?1 and status <> 'FAILED'")
                    .setParameter(1, paymentId)
                    .getSingleResult())
            .longValue();
    long left = p.amountCents() - refunded;
    if (cents <= 0 || cents > left) {
      throw new ProblemException(422, "refund-too-much", Money.ofCents(left).format(Locale.FRANCE));
    }
    PaymentAttempt attempt =
        p.attemptId() == null ? null : em.find(PaymentAttempt.class, p.attemptId());
    if (attempt == null || attempt.providerPayment() == null) {
      throw new ProblemException(409, "refund-at-counter");
    }
    PaymentAccount account = em.find(PaymentAccount.class, attempt.accountId());
    long id =
        ((Number) em.createNativeQuery("select nextval('billing_row_seq')").getSingleResult())
            .longValue();
    PaymentProvider.RefundResult r =
        stripe.refund(account.accountRef(), attempt.providerPayment(), cents, "ref_" + id);
    if ("failed".equals(r.status()) || "canceled".equals(r.status())) {
      throw new ProblemException(409, "refund-refused");
    }
    Invoice invoice = em.find(Invoice.class, p.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
    invoice.refunded(cents);
    em.flush();
    InvoiceIssuer.CreditNote note =
        issuer.refundCreditNote(invoice, p, cents, reason, LocalDate.now(InvoiceIssuer.PARIS));
    em.createNativeQuery(
            "insert into payment_refund (id, payment_id, amount_cents, status, provider_refund,"
                + " reason, credit_note_id, created_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6,"
                + " ?7, ?8, ?9)")
        .setParameter(1, id)
        .setParameter(2, paymentId)
        .setParameter(3, cents)
        .setParameter(4, "succeeded".equals(r.status()) ? "SUCCEEDED" : "PENDING")
        .setParameter(5, r.id())
        .setParameter(6, reason)
        .setParameter(7, note.id())
        .setParameter(8, by)
        .setParameter(9, Instant.now())
        .executeUpdate();
    return new Refunded(
        id, "succeeded".equals(r.status()) ? "SUCCEEDED" : "PENDING", note.id(), note.number());
  }

  /** The payment of a receipt number ({@code R-LH-PERISC-2026-000007}), in this town. */
  public java.util.Optional<Payment> byReceipt(String receipt) {
    return em.createQuery("select p from Payment p where p.receiptNumber = :r", Payment.class)
        .setParameter("r", receipt)
        .getResultStream()
        .findFirst();
  }

  /** A day of the régie's takings, by method, net of refunds: for the régisseur's books. */
  public record TakingsDay(
      LocalDate day, String method, long payments, long cents, long refundedCents) {}

  /** The régie's takings of a month, day by day and method. */
  @SuppressWarnings("unchecked")
  public List<TakingsDay> takings(long regieId, java.time.YearMonth month) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(p.received_at at time zone 'Europe/Paris' as date) as d, p.method,"
                    + " count(*), sum(p.amount_cents), coalesce(sum((select sum(r.amount_cents)"
                    + " from payment_refund r where r.payment_id = p.id and r.status <> 'FAILED')), 0)"
                    + " from payment p join billing_invoice i on i.id = p.invoice_id"
                    + " where i.regie_id = ?1 and p.received_at >= ?2 and p.received_at < ?3"
                    + " group by 1, 2 order by 1, 2")
            .setParameter(1, regieId)
            .setParameter(2, month.atDay(1).atStartOfDay(InvoiceIssuer.PARIS).toInstant())
            .setParameter(
                3, month.plusMonths(1).atDay(1).atStartOfDay(InvoiceIssuer.PARIS).toInstant())
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new TakingsDay(
                    ((java.sql.Date) r[0]).toLocalDate(),
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue()))
        .toList();
  }
}
