package fr.cite.payments.domain;

import java.time.LocalDate;

/**
 * A child's day at an activity as billing sees it: what happened ({@link ChargeCase}), whether it
 * was booked late, and the household's situation on that day (its quotient valid then, or null,
 * residence, the child's sibling rank).
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
    int quantity) {}
