package fr.cite.payments.online;

import fr.cite.payments.billing.BillingRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One try at paying an invoice online: at most one is open per invoice (a unique index), and its
 * status only moves forward — a paid attempt never goes back, whatever event arrives after.
 */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt extends BillingRecord {

  /** The attempt's life; see {@link #canMoveTo}. */
  public enum Status {
    CREATED,
    OPEN,
    PROCESSING,
    SUCCEEDED,
    FAILED,
    EXPIRED;

    public boolean pending() {
      return this == CREATED || this == OPEN || this == PROCESSING;
    }
  }

  @Column(name = "invoice_id", nullable = false, updatable = false)
  private long invoiceId;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(name = "token", nullable = false, updatable = false, length = 40)
  private String token;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private long amountCents;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 12)
  private Status status;

  @Column(name = "provider_session", length = 120)
  private String providerSession;

  @Column(name = "provider_payment", length = 120)
  private String providerPayment;

  @Column(name = "url", length = 2000)
  private String url;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "created_by", length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PaymentAttempt() {}

  public PaymentAttempt(
      long invoiceId,
      long accountId,
      String token,
      long amountCents,
      Instant expiresAt,
      String createdBy,
      Instant now) {
    this.invoiceId = invoiceId;
    this.accountId = accountId;
    this.token = token;
    this.amountCents = amountCents;
    this.status = Status.CREATED;
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Forward only: nothing leaves SUCCEEDED, FAILED or EXPIRED; PROCESSING never reopens. */
  public static boolean canMoveTo(Status from, Status to) {
    Set<Status> next =
        switch (from) {
          case CREATED ->
              EnumSet.of(
                  Status.OPEN, Status.PROCESSING, Status.SUCCEEDED, Status.FAILED, Status.EXPIRED);
          case OPEN ->
              EnumSet.of(Status.PROCESSING, Status.SUCCEEDED, Status.FAILED, Status.EXPIRED);
          case PROCESSING -> EnumSet.of(Status.SUCCEEDED, Status.FAILED);
          case SUCCEEDED, FAILED, EXPIRED -> EnumSet.noneOf(Status.class);
        };
    return next.contains(to);
  }

  /** Moves on if the machine allows it; whether it moved. */
  public boolean moveTo(Status to, Instant now) {
    if (!canMoveTo(status, to)) {
      return false;
    }
    status = to;
    updatedAt = now;
    return true;
  }

  public void opened(String session, URI url, Instant expiresAt, Instant now) {
    this.providerSession = session;
    this.url = url.toString();
    this.expiresAt = expiresAt;
    moveTo(Status.OPEN, now);
  }

  public void paidBy(String payment) {
    this.providerPayment = payment;
  }

  public String providerPayment() {
    return providerPayment;
  }

  public long invoiceId() {
    return invoiceId;
  }

  public long accountId() {
    return accountId;
  }

  public String token() {
    return token;
  }

  public String idempotencyKey() {
    return "att_" + token;
  }

  public long amountCents() {
    return amountCents;
  }

  public Status status() {
    return status;
  }

  public String providerSession() {
    return providerSession;
  }

  public String url() {
    return url;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
