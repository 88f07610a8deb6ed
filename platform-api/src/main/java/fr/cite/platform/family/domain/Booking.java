package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A child's place on a session: booked, cancelled, or on the waiting list (in the order of {@code
 * waitlistAt}, then id). At most one per child and session. Late changes are flagged for billing.
 */
@Entity
@Table(name = "family_booking")
public class Booking extends FamilyRecord {

  /** Where a booking stands. */
  public enum Status {
    BOOKED,
    CANCELLED,
    WAITLIST
  }

  /** Who made it. */
  public enum Source {
    PATTERN,
    PARENT,
    AGENT,
    CONTRACT
  }

  /** Why it was cancelled. */
  public enum CancelReason {
    PARENT,
    AGENT,
    CLOSURE,
    ABSENCE
  }

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(name = "session_id", nullable = false, updatable = false)
  private Long sessionId;

  @Column(name = "registration_id", nullable = false, updatable = false)
  private Long registrationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 12, nullable = false)
  private Status status;

  @Column(name = "late", nullable = false)
  private boolean late;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", length = 12, nullable = false)
  private Source source;

  @Column(name = "waitlist_at")
  private Instant waitlistAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "cancel_reason", length = 16)
  private CancelReason cancelReason;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", length = 254)
  private String updatedBy;

  protected Booking() {}

  public Booking(
      long childId, long sessionId, long registrationId, Source source, String by, Instant now) {
    this.childId = childId;
    this.sessionId = sessionId;
    this.registrationId = registrationId;
    this.source = source;
    this.updatedBy = by;
    this.updatedAt = now;
    this.status = Status.CANCELLED;
  }

  public void book(boolean late, Source source, String by, Instant now) {
    this.status = Status.BOOKED;
    this.late = late;
    this.source = source;
    this.waitlistAt = null;
    this.cancelReason = null;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  public void waitlist(String by, Instant now) {
    this.status = Status.WAITLIST;
    this.waitlistAt = now;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  public void cancel(CancelReason reason, boolean late, String by, Instant now) {
    this.status = Status.CANCELLED;
    this.cancelReason = reason;
    this.late = late;
    this.waitlistAt = null;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  /** Promoted from the waiting list when a seat frees. */
  public void promote(Instant now) {
    this.status = Status.BOOKED;
    this.waitlistAt = null;
    this.updatedBy = "liste d'attente";
    this.updatedAt = now;
  }

  public long childId() {
    return childId;
  }

  public long sessionId() {
    return sessionId;
  }

  public long registrationId() {
    return registrationId;
  }

  public Status status() {
    return status;
  }

  public boolean late() {
    return late;
  }

  public Source source() {
    return source;
  }

  public Instant waitlistAt() {
    return waitlistAt;
  }

  public CancelReason cancelReason() {
    return cancelReason;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
