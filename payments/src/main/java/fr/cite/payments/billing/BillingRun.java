package fr.cite.payments.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A billing run of a régie for a period: DRAFTING (households being priced, one transaction each) →
 * DRAFT (to review) → ISSUING (numbers being given, one invoice per transaction) → ISSUED. One per
 * régie and period (a second start returns it); resumed where it stopped after a crash.
 */
@Entity
@Table(name = "billing_run")
public class BillingRun extends BillingRecord {

  /** Where the run is. */
  public enum Status {
    DRAFTING,
    DRAFT,
    ISSUING,
    ISSUED
  }

  /** A month's run, or a corrective run of a month already issued. */
  public enum Kind {
    REGULAR,
    CORRECTIVE
  }

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 12)
  private Kind kind = Kind.REGULAR;

  @Column(name = "regie_id", nullable = false, updatable = false)
  private long regieId;

  @Column(name = "period_start", nullable = false, updatable = false)
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false, updatable = false)
  private LocalDate periodEnd;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 12)
  private Status status;

  @Column(name = "households_total", nullable = false)
  private int householdsTotal;

  @Column(name = "households_done", nullable = false)
  private int householdsDone;

  @Column(name = "households_error", nullable = false)
  private int householdsError;

  @Column(name = "invoices_issued", nullable = false)
  private int invoicesIssued;

  @Column(name = "started_by", length = 254)
  private String startedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "drafted_at")
  private Instant draftedAt;

  @Column(name = "issued_at")
  private Instant issuedAt;

  protected BillingRun() {}

  public Kind kind() {
    return kind;
  }

  public long regieId() {
    return regieId;
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public Status status() {
    return status;
  }

  public int householdsTotal() {
    return householdsTotal;
  }

  public int householdsDone() {
    return householdsDone;
  }

  public int householdsError() {
    return householdsError;
  }

  public int invoicesIssued() {
    return invoicesIssued;
  }

  public String startedBy() {
    return startedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant draftedAt() {
    return draftedAt;
  }

  public Instant issuedAt() {
    return issuedAt;
  }
}
