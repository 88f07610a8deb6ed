package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the register says of a child on a session: present, absent, or present without booking. */
@Entity
@Table(name = "family_attendance")
public class Attendance extends FamilyRecord {

  /** A mark of the register. */
  public enum Mark {
    PRESENT,
    ABSENT,
    UNBOOKED_PRESENT
  }

  @Column(name = "session_id", nullable = false, updatable = false)
  private Long sessionId;

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private Mark mark;

  @Column(name = "checked_by", length = 254)
  private String checkedBy;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  protected Attendance() {}

  public Attendance(long sessionId, long childId, Mark mark, String by, Instant now) {
    this.sessionId = sessionId;
    this.childId = childId;
    mark(mark, by, now);
  }

  public void mark(Mark mark, String by, Instant now) {
    this.mark = mark;
    this.checkedBy = by;
    this.checkedAt = now;
  }

  public long sessionId() {
    return sessionId;
  }

  public long childId() {
    return childId;
  }

  public Mark mark() {
    return mark;
  }
}
