package fr.cite.payments.domain;

import java.time.LocalDate;

/**
 * A child's day at an activity as billing sees it: what happened ({@link ChargeCase}), whether it
 * was booked late, and the household's situation on that day (its quotient valid then, or null,
 * residence, the child's sibling rank) and, for a crèche priced by the hour, its monthly resources
 * valid then, its number of children and the day's duration in minutes.
 */
public record Chargeable(
    long childId,
    long activityId,
    long sessionId,
    LocalDate day,
    ChargeCase chargeCase,
    boolean late,
    Integer quotient,
    boolean resident,
    int siblingRank,
    int quantity,
    Integer resourcesCents,
    int householdChildren,
    int minutes) {

  /** A day priced by brackets: no resources, one child, no duration. */
  public Chargeable(
      long childId,
      long activityId,
      long sessionId,
      LocalDate day,
      ChargeCase chargeCase,
      boolean late,
      Integer quotient,
      boolean resident,
      int siblingRank,
      int quantity) {
    this(
        childId,
        activityId,
        sessionId,
        day,
        chargeCase,
        late,
        quotient,
        resident,
        siblingRank,
        quantity,
        null,
        1,
        0);
  }
}
