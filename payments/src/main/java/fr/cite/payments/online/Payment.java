package fr.cite.payments.online;

import fr.cite.payments.billing.BillingRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Money received for an invoice (online or at the counter), with its receipt number. */
@Entity
@Table(name = "payment")
public class Payment extends BillingRecord {

  @Column(name = "invoice_id", nullable = false, updatable = false)
  private long invoiceId;

  @Column(name = "attempt_id", updatable = false)
  private Long attemptId;

  @Column(name = "method", nullable = false, updatable = false, length = 16)
  private String method;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private long amountCents;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "receipt_number", nullable = false, updatable = false, length = 40)
  private String receiptNumber;

  protected Payment() {}

  public Payment(
      long invoiceId,
      Long attemptId,
      String method,
      long amountCents,
      Instant receivedAt,
      String receiptNumber) {
    this.invoiceId = invoiceId;
    this.attemptId = attemptId;
    this.method = method;
    this.amountCents = amountCents;
    this.receivedAt = receivedAt;
    this.receiptNumber = receiptNumber;
  }

  public Long attemptId() {
    return attemptId;
  }

  public long invoiceId() {
    return invoiceId;
  }

  public String method() {
    return method;
  }

  public long amountCents() {
    return amountCents;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String receiptNumber() {
    return receiptNumber;
  }
}
