package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One day of an activity: its seats and how many are booked (kept on the row, changed only under
 * the row's lock, so that concurrent bookings of the last seats are decided one after another),
 * closed or not, and its register once taken.
 */
@Entity
@Table(name = "family_session")
public class ActivitySession extends FamilyRecord {

  @Column(name = "activity_id", nullable = false, updatable = false)
  private Long activityId;

  @Column(name = "day", nullable = false, updatable = false)
  private LocalDate day;

  @Column(name = "capacity", nullable = false)
  private int capacity;

  @Column(name = "booked", nullable = false)
  private int booked;

  @Column(name = "closed_reason", length = 200)
  private String closedReason;

  @Column(name = "register_closed_at")
  private Instant registerClosedAt;

  @Column(name = "register_closed_by", length = 254)
  private String registerClosedBy;

  protected ActivitySession() {}

  public ActivitySession(Activity activity, LocalDate day) {
    this.activityId = activity.id();
    this.day = day;
    this.capacity = activity.capacity();
  }

  public boolean hasSeat() {
    return booked < capacity;
  }

  public void seatTaken() {
    booked++;
  }

  public void seatFreed() {
    booked = Math.max(0, booked - 1);
  }

  public void close(String reason) {
    this.closedReason = reason;
  }

  public void closeRegister(String by, Instant now) {
    this.registerClosedAt = now;
    this.registerClosedBy = by;
  }

  public long activityId() {
    return activityId;
  }

  public LocalDate day() {
    return day;
  }

  public int capacity() {
    return capacity;
  }

  public int booked() {
    return booked;
  }

  public boolean closed() {
    return closedReason != null;
  }

  public String closedReason() {
    return closedReason;
  }

  public boolean registerClosed() {
    return registerClosedAt != null;
  }

  public Instant registerClosedAt() {
    return registerClosedAt;
  }
}
