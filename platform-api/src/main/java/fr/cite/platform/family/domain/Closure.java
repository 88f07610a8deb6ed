package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A day the town closes an activity (or all of them: no activity), with the reason families see.
 */
@Entity
@Table(name = "family_closure")
public class Closure extends FamilyRecord {

  @Column(name = "activity_id", updatable = false)
  private Long activityId;

  @Column(name = "day", nullable = false, updatable = false)
  private LocalDate day;

  @Column(name = "reason", length = 200, nullable = false)
  private String reason;

  @Column(name = "created_by", length = 254)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Closure() {}

  public Closure(Long activityId, LocalDate day, String reason, String by, Instant now) {
    this.activityId = activityId;
    this.day = day;
    this.reason = reason;
    this.createdBy = by;
    this.createdAt = now;
  }

  public Long activityId() {
    return activityId;
  }

  public LocalDate day() {
    return day;
  }

  public String reason() {
    return reason;
  }
}
