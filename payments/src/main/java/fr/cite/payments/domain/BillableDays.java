package fr.cite.payments.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a household's period (its children's bookings, the register, accepted absences and
 * quotients) into the days to price. The rules, in the order a town explains them:
 *
 * <ul>
 *   <li>a cancelled booking costs nothing (on time, by the town, for a closure); cancelled for a
 *       justified absence it shows as a line at the justified rate (0 % unless the town says);
 *   <li>a booked day is charged as present when the register says so or was not taken; absent, at
 *       the justified rate if an accepted absence covers the day, else the unjustified one;
 *   <li>present without a booking (or with a booking cancelled): the unbooked rate;
 *   <li>the quotient is the one valid on that very day (a new one mid-month changes the price from
 *       its first day); none: the top bracket;
 *   <li>siblings are ranked by age among the children billed in the period (1 = the eldest);
 *   <li>a crèche's hour is priced on the monthly resources declared with that quotient (none: the
 *       tariff's ceiling) and the household's number of children.
 * </ul>
 */
public final class BillableDays {

  /** A child of the household. */
  public record Child(long id, LocalDate birthDate) {}

  /**
   * A child's session in the period: its booking (if any), the register (if taken) and how long it
   * lasts (what an hourly tariff charges).
   */
  public record Day(
      long childId,
      long activityId,
      long sessionId,
      LocalDate day,
      Booking booking,
      boolean late,
      Attendance attendance,
      int minutes) {

    public Day(
        long childId,
        long activityId,
        long sessionId,
        LocalDate day,
        Booking booking,
        boolean late,
        Attendance attendance) {
      this(childId, activityId, sessionId, day, booking, late, attendance, 0);
    }
  }

  /** The booking's state as billing reads it. */
  public enum Booking {
    NONE,
    BOOKED,
    CANCELLED,
    CANCELLED_FOR_ABSENCE
  }

  /** What the register says. */
  public enum Attendance {
    NOT_TAKEN,
    PRESENT,
    ABSENT,
    UNBOOKED_PRESENT
  }

  /** An absence an agent accepted. */
  public record Absence(long childId, LocalDate first, LocalDate last) {
    boolean covers(long child, LocalDate d) {
      return childId == child && !d.isBefore(first) && !d.isAfter(last);
    }
  }

  /** An accepted quotient, and the monthly resources declared with it (crèches), if any. */
  public record Quotient(int value, LocalDate from, LocalDate to, Integer resourcesCents) {

    public Quotient(int value, LocalDate from, LocalDate to) {
      this(value, from, to, null);
    }

    boolean covers(LocalDate d) {
      return !d.isBefore(from) && (to == null || !d.isAfter(to));
    }
  }

  private BillableDays() {}

  public static List<Chargeable> of(
      List<Child> children,
      List<Day> days,
      List<Absence> absences,
      List<Quotient> quotients,
      boolean resident) {
    Map<Long, Integer> rank = ranks(children, days);
    List<Chargeable> out = new ArrayList<>();
    for (Day d : days) {
      ChargeCase c = chargeCase(d, absences);
      if (c == null) {
        continue;
      }
      Optional<Quotient> valid =
          quotients.stream()
              .filter(q -> q.covers(d.day()))
              .max(Comparator.comparing(Quotient::from));
      out.add(
          new Chargeable(
              d.childId(),
              d.activityId(),
              d.sessionId(),
              d.day(),
              c,
              d.late() && d.booking() == Booking.BOOKED,
              valid.map(Quotient::value).orElse(null),
              resident,
              rank.getOrDefault(d.childId(), 1),
              1,
              valid.map(Quotient::resourcesCents).orElse(null),
              Math.max(1, children.size()),
              d.minutes()));
    }
    out.sort(
        Comparator.comparing(Chargeable::childId)
            .thenComparing(Chargeable::day)
            .thenComparing(Chargeable::activityId));
    return out;
  }

  static ChargeCase chargeCase(Day d, List<Absence> absences) {
    boolean justified = absences.stream().anyMatch(a -> a.covers(d.childId(), d.day()));
    return switch (d.booking()) {
      case CANCELLED ->
          d.attendance() == Attendance.UNBOOKED_PRESENT || d.attendance() == Attendance.PRESENT
              ? ChargeCase.UNBOOKED_PRESENT
              : null;
      case CANCELLED_FOR_ABSENCE -> ChargeCase.ABSENT_JUSTIFIED;
      case NONE ->
          d.attendance() == Attendance.UNBOOKED_PRESENT || d.attendance() == Attendance.PRESENT
              ? ChargeCase.UNBOOKED_PRESENT
              : null;
      case BOOKED ->
          switch (d.attendance()) {
            case PRESENT, UNBOOKED_PRESENT -> ChargeCase.PRESENT;
            case ABSENT -> justified ? ChargeCase.ABSENT_JUSTIFIED : ChargeCase.ABSENT_UNJUSTIFIED;
            case NOT_TAKEN -> justified ? ChargeCase.ABSENT_JUSTIFIED : ChargeCase.BOOKED;
          };
    };
  }

  private static Map<Long, Integer> ranks(List<Child> children, List<Day> days) {
    java.util.Set<Long> billed = new java.util.HashSet<>();
    days.forEach(d -> billed.add(d.childId()));
    List<Child> ordered =
        children.stream()
            .filter(c -> billed.contains(c.id()))
            .sorted(Comparator.comparing(Child::birthDate).thenComparing(Child::id))
            .toList();
    Map<Long, Integer> rank = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      rank.put(ordered.get(i).id(), i + 1);
    }
    return rank;
  }
}
