package fr.cite.payments.billing;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An invoice (or a credit note, when a household's credits exceed its charges) of a run for a
 * household. A draft until issued; issued, its number, amounts and PDF never change (a database
 * trigger refuses it too): only what was paid moves.
 */
@Entity
@Table(name = "billing_invoice")
public class Invoice extends BillingRecord {

  /** Invoice or credit note: two numbering series. */
  public enum Kind {
    INVOICE,
    CREDIT_NOTE
  }

  /** Draft, issued (to pay), or paid in full. */
  public enum Status {
    DRAFT,
    ISSUED,
    PAID
  }

  @Column(name = "regie_id", nullable = false, updatable = false)
  private long regieId;

  /** Empty for the invoice of a request's fee (issued when the request is filed). */
  @Column(name = "run_id", updatable = false)
  private Long runId;

  /** Empty for the invoice of a request's fee: its payer is the request's citizen. */
  @Column(name = "household_id", updatable = false)
  private Long householdId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 12)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 12)
  private Status status;

  @Column(name = "year", nullable = false)
  private int year;

  @Column(name = "seq")
  private Integer seq;

  @Column(name = "number", length = 40)
  private String number;

  @Column(name = "total_cents", nullable = false)
  private long totalCents;

  @Column(name = "paid_cents", nullable = false)
  private long paidCents;

  @Column(name = "credited_cents", nullable = false)
  private long creditedCents;

  @Column(name = "refund_of")
  private Long refundOf;

  @Column(name = "period_start", nullable = false)
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "payer", nullable = false)
  private String payer;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "pdf")
  private byte[] pdf;

  @Column(name = "pdf_sha256", length = 64)
  private String pdfSha256;

  @Column(name = "demande_id")
  private Long demandeId;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Invoice() {}

  /** Money received for this invoice; it becomes PAID when nothing is left. */
  public void received(long cents) {
    if (status == Status.DRAFT || cents <= 0 || cents > remainingCents()) {
      throw new IllegalStateException("Invoice " + id() + " cannot receive " + cents);
    }
    paidCents += cents;
    if (remainingCents() == 0) {
      status = Status.PAID;
    }
  }

  /**
   * Money given back by the régie with a credit note: it is no longer paid, nor due any more (what
   * is left to pay does not change).
   */
  public void refunded(long cents) {
    if (cents <= 0 || cents > paidCents) {
      throw new IllegalStateException("Invoice " + id() + " cannot refund " + cents);
    }
    paidCents -= cents;
    creditedCents += cents;
  }

  public void filedAs(long demandeId) {
    this.demandeId = demandeId;
  }

  public long regieId() {
    return regieId;
  }

  public Long runId() {
    return runId;
  }

  public Long householdId() {
    return householdId;
  }

  /** Whether this is the invoice of a request's fee rather than of a billing run. */
  public boolean fee() {
    return runId == null;
  }

  public Kind kind() {
    return kind;
  }

  public Status status() {
    return status;
  }

  public int year() {
    return year;
  }

  public Optional<String> number() {
    return Optional.ofNullable(number);
  }

  public long totalCents() {
    return totalCents;
  }

  public long paidCents() {
    return paidCents;
  }

  public long remainingCents() {
    return kind == Kind.CREDIT_NOTE ? 0 : totalCents - paidCents - creditedCents;
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public String payer() {
    return payer;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public byte[] pdf() {
    return pdf;
  }

  public Long demandeId() {
    return demandeId;
  }
}
