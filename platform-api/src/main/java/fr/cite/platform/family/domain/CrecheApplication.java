package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One application of a household for a crèche place for a child (one for all the town's crèches, in
 * order of preference): wished start, days and hours, the criteria the family declares. On the
 * waiting list until the commission offers a place with a deadline; accepted, the place becomes a
 * contract whose bookings are generated.
 */
@Entity
@Table(name = "family_creche_application")
public class CrecheApplication extends FamilyRecord {

  /** Where an application stands. */
  public enum Status {
    WAITING,
    OFFERED,
    ACCEPTED,
    DECLINED,
    WITHDRAWN
  }

  @Column(name = "household_id", nullable = false, updatable = false)
  private Long householdId;

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(name = "wished_start", nullable = false)
  private LocalDate wishedStart;

  @Column(name = "weekdays", nullable = false)
  private int weekdays;

  @Column(name = "arrival", nullable = false)
  private LocalTime arrival;

  @Column(name = "departure", nullable = false)
  private LocalTime departure;

  /** Crèche activity ids in order of preference, comma-separated. */
  @Column(name = "preferences", length = 200, nullable = false)
  private String preferences;

  /** Declared criteria codes, comma-separated. */
  @Column(name = "criteria", length = 200, nullable = false)
  private String criteria = "";

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 12, nullable = false)
  private Status status = Status.WAITING;

  @Column(name = "offer_activity_id")
  private Long offerActivityId;

  @Column(name = "offer_deadline")
  private LocalDate offerDeadline;

  @Column(name = "offer_start")
  private LocalDate offerStart;

  @Column(name = "demande_id")
  private Long demandeId;

  @Column(name = "applied_at", nullable = false, updatable = false)
  private Instant appliedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 254)
  private String decidedBy;

  protected CrecheApplication() {}

  public CrecheApplication(
      long householdId,
      long childId,
      LocalDate wishedStart,
      int weekdays,
      LocalTime arrival,
      LocalTime departure,
      List<Long> preferences,
      Set<CrecheCriterion.Code> declared,
      Instant now) {
    this.householdId = householdId;
    this.childId = childId;
    this.wishedStart = wishedStart;
    this.weekdays = weekdays;
    this.arrival = arrival;
    this.departure = departure;
    this.preferences = preferences.stream().map(String::valueOf).collect(Collectors.joining(","));
    this.criteria = declared.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    this.appliedAt = now;
  }

  public void offer(long activityId, LocalDate start, LocalDate deadline, String by, Instant now) {
    this.status = Status.OFFERED;
    this.offerActivityId = activityId;
    this.offerStart = start;
    this.offerDeadline = deadline;
    this.decidedBy = by;
    this.decidedAt = now;
  }

  public void answer(boolean accepted, Instant now) {
    this.status = accepted ? Status.ACCEPTED : Status.DECLINED;
    this.decidedAt = now;
  }

  public void withdraw(Instant now) {
    this.status = Status.WITHDRAWN;
    this.decidedAt = now;
  }

  public void filedAs(long demandeId) {
    this.demandeId = demandeId;
  }

  public long householdId() {
    return householdId;
  }

  public long childId() {
    return childId;
  }

  public LocalDate wishedStart() {
    return wishedStart;
  }

  public int weekdays() {
    return weekdays;
  }

  public LocalTime arrival() {
    return arrival;
  }

  public LocalTime departure() {
    return departure;
  }

  public List<Long> preferences() {
    return Arrays.stream(preferences.split(","))
        .filter(s -> !s.isBlank())
        .map(Long::valueOf)
        .toList();
  }

  public Set<CrecheCriterion.Code> declared() {
    Set<CrecheCriterion.Code> codes = EnumSet.noneOf(CrecheCriterion.Code.class);
    for (String c : criteria.split(",")) {
      if (!c.isBlank()) {
        codes.add(CrecheCriterion.Code.valueOf(c));
      }
    }
    return codes;
  }

  public Status status() {
    return status;
  }

  public Long offerActivityId() {
    return offerActivityId;
  }

  public LocalDate offerDeadline() {
    return offerDeadline;
  }

  public LocalDate offerStart() {
    return offerStart;
  }

  public Long demandeId() {
    return demandeId;
  }

  public Instant appliedAt() {
    return appliedAt;
  }
}
