package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A child registered to an activity for a period with a weekly pattern (canteen Mon/Tue/Thu/Fri):
 * asked by a parent, accepted by an agent (the bookings are then made from the pattern) or waiting
 * for a document, refused, withdrawn.
 */
@Entity
@Table(name = "family_registration")
public class Registration extends FamilyRecord {

  /** Where a registration stands. */
  public enum Status {
    PENDING,
    WAITING_DOCUMENT,
    ACCEPTED,
    REFUSED,
    WITHDRAWN
  }

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(name = "activity_id", nullable = false, updatable = false)
  private Long activityId;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to", nullable = false)
  private LocalDate validTo;

  @Column(name = "weekdays", nullable = false)
  private int weekdays;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private Status status = Status.PENDING;

  @Column(name = "agent_message", length = 1000)
  private String agentMessage;

  @Column(name = "demande_id")
  private Long demandeId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 254)
  private String decidedBy;

  protected Registration() {}

  public Registration(
      long childId, long activityId, LocalDate from, LocalDate to, int weekdays, Instant now) {
    this.childId = childId;
    this.activityId = activityId;
    this.validFrom = from;
    this.validTo = to;
    this.weekdays = weekdays;
    this.createdAt = now;
  }

  public void decide(Status to, String message, String by, Instant now) {
    this.status = to;
    this.agentMessage = message;
    this.decidedBy = by;
    this.decidedAt = now;
  }

  public void filedAs(long demandeId) {
    this.demandeId = demandeId;
  }

  public boolean covers(LocalDate d) {
    return !d.isBefore(validFrom) && !d.isAfter(validTo);
  }

  public long childId() {
    return childId;
  }

  public long activityId() {
    return activityId;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public int weekdays() {
    return weekdays;
  }

  public Status status() {
    return status;
  }

  public String agentMessage() {
    return agentMessage;
  }

  public Long demandeId() {
    return demandeId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant decidedAt() {
    return decidedAt;
  }
}
