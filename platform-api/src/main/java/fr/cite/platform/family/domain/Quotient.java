package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A family quotient declared by a household with its certificate, valid from a date (to a date, or
 * open-ended), counted once an agent validated it. None valid on a day means the top bracket. Kept
 * forever: the history is what a billing run of a past period reads.
 */
@Entity
@Table(name = "family_quotient")
public class Quotient extends FamilyRecord {

  /** Who computed it. */
  public enum Source {
    CAF,
    MSA,
    MANUAL
  }

  @Column(name = "household_id", nullable = false, updatable = false)
  private Long householdId;

  @Column(name = "value", nullable = false)
  private int value;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", length = 12, nullable = false)
  private Source source;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Column(name = "document_id")
  private Long documentId;

  /** The monthly resources declared with it (a crèche's hourly price is a share of them). */
  @Column(name = "monthly_resources_cents")
  private Integer monthlyResourcesCents;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 12, nullable = false)
  private Checked status = Checked.PENDING;

  @Column(name = "refusal_reason", length = 500)
  private String refusalReason;

  @Column(name = "checked_by", length = 254)
  private String checkedBy;

  @Column(name = "checked_at")
  private Instant checkedAt;

  @Column(name = "demande_id")
  private Long demandeId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Quotient() {}

  /** With the monthly resources the certificate gives (null: not declared). */
  public Quotient withResources(Integer monthlyResourcesCents) {
    this.monthlyResourcesCents = monthlyResourcesCents;
    return this;
  }

  public java.util.Optional<Integer> monthlyResourcesCents() {
    return java.util.Optional.ofNullable(monthlyResourcesCents);
  }

  public Quotient(
      long householdId,
      int value,
      Source source,
      LocalDate validFrom,
      LocalDate validTo,
      Long documentId,
      Instant now) {
    this.householdId = householdId;
    this.value = value;
    this.source = source;
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.documentId = documentId;
    this.createdAt = now;
  }

  /** Validated, possibly with corrected value or dates (what the certificate says). */
  public void validate(int value, LocalDate from, LocalDate to, String by, Instant now) {
    this.value = value;
    this.validFrom = from;
    this.validTo = to;
    this.status = Checked.ACCEPTED;
    this.checkedBy = by;
    this.checkedAt = now;
  }

  public void refuse(String reason, String by, Instant now) {
    this.status = Checked.REFUSED;
    this.refusalReason = reason;
    this.checkedBy = by;
    this.checkedAt = now;
  }

  public void filedAs(long demandeId) {
    this.demandeId = demandeId;
  }

  public boolean coversDay(LocalDate d) {
    return status == Checked.ACCEPTED
        && !d.isBefore(validFrom)
        && (validTo == null || !d.isAfter(validTo));
  }

  public long householdId() {
    return householdId;
  }

  public int value() {
    return value;
  }

  public Source source() {
    return source;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public Long documentId() {
    return documentId;
  }

  public Checked status() {
    return status;
  }

  public String refusalReason() {
    return refusalReason;
  }

  public Long demandeId() {
    return demandeId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
