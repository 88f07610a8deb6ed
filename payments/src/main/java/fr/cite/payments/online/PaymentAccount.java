package fr.cite.payments.online;

import fr.cite.payments.billing.BillingRecord;
import fr.cite.payments.domain.PaymentProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A régie's account with a payment provider (a Stripe connected account) and its state. */
@Entity
@Table(name = "payment_account")
public class PaymentAccount extends BillingRecord {

  @Column(name = "regie_id", nullable = false, updatable = false)
  private long regieId;

  @Column(name = "provider", nullable = false, updatable = false, length = 12)
  private String provider;

  @Column(name = "account_ref", nullable = false, updatable = false, length = 64)
  private String accountRef;

  @Column(name = "charges_enabled", nullable = false)
  private boolean chargesEnabled;

  @Column(name = "payouts_enabled", nullable = false)
  private boolean payoutsEnabled;

  @Column(name = "details_submitted", nullable = false)
  private boolean detailsSubmitted;

  @Column(name = "livemode", nullable = false)
  private boolean livemode;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PaymentAccount() {}

  public PaymentAccount(long regieId, String provider, String accountRef, Instant now) {
    this.regieId = regieId;
    this.provider = provider;
    this.accountRef = accountRef;
    this.updatedAt = now;
  }

  public void update(PaymentProvider.AccountStatus s, Instant now) {
    this.chargesEnabled = s.chargesEnabled();
    this.payoutsEnabled = s.payoutsEnabled();
    this.detailsSubmitted = s.detailsSubmitted();
    this.livemode = s.livemode();
    this.updatedAt = now;
  }

  public long regieId() {
    return regieId;
  }

  public String provider() {
    return provider;
  }

  public String accountRef() {
    return accountRef;
  }

  public boolean chargesEnabled() {
    return chargesEnabled;
  }

  public boolean payoutsEnabled() {
    return payoutsEnabled;
  }

  public boolean detailsSubmitted() {
    return detailsSubmitted;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
