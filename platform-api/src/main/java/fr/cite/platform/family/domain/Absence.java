package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A child's illness over some days, declared by a parent with a medical certificate and validated
 * by an agent: billing credits the booked days it covers (ARCHITECTURE §7).
 */
@Entity
@Table(name = "family_absence")
public class Absence extends FamilyRecord {

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(name = "first_day", nullable = false, updatable = false)
  private LocalDate firstDay;

  @Column(name = "last_day", nullable = false, updatable = false)
  private LocalDate lastDay;

  @Column(name = "document_id", nullable = false, updatable = false)
  private Long documentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 12, nullable = false)
  private Checked status = Checked.PENDING;

  @Column(name = "refusal_reason", length = 500)
  private String refusalReason;

  @Column(name = "demande_id")
  private Long demandeId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 254)
  private String decidedBy;

  protected Absence() {}

  public Absence(long childId, LocalDate first, LocalDate last, long documentId, Instant now) {
    this.childId = childId;
    this.firstDay = first;
    this.lastDay = last;
    this.documentId = documentId;
    this.createdAt = now;
  }

  public void decide(Checked to, String reason, String by, Instant now) {
    this.status = to;
    this.refusalReason = reason;
    this.decidedBy = by;
    this.decidedAt = now;
  }

  public void filedAs(long demandeId) {
    this.demandeId = demandeId;
  }

  public long childId() {
    return childId;
  }

  public LocalDate firstDay() {
    return firstDay;
  }

  public LocalDate lastDay() {
    return lastDay;
  }

  public long documentId() {
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
