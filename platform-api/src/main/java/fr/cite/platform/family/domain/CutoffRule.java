package fr.cite.platform.family.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * Until when a day of an activity can be booked or cancelled, in the town's time (Europe/Paris),
 * written as a short text kept in the activity's row:
 *
 * <ul>
 *   <li>{@code RELATIVE 2 CALENDAR 10:00}: two calendar days before, at 10:00 ("J-2 10h"); the unit
 *       may be {@code WORKING} (Monday to Friday, off public holidays) or {@code SCHOOL} (days with
 *       class): {@code RELATIVE 1 SCHOOL 11:00} is "before Friday 11:00 for Monday, before Tuesday
 *       11:00 for Thursday";
 *   <li>{@code WEEKLY TUESDAY 23:59}: a day of week W until Tuesday 23:59 of week W-1;
 *   <li>{@code WINDOW 2027-06-01T08:00 2027-06-20T23:59}: from the first instant to the second
 *       (holiday leisure centre).
 * </ul>
 *
 * The deadline is exclusive: with {@code 10:00}, 09:59:59 is accepted and 10:00:00 is not.
 */
public sealed interface CutoffRule {

  ZoneId TOWN_ZONE = ZoneId.of("Europe/Paris");

  /** How days are counted back by a relative rule. */
  enum DayUnit {
    CALENDAR,
    WORKING,
    SCHOOL
  }

  /** Where a change stands against the rule. */
  enum Verdict {
    OPEN,
    NOT_YET_OPEN,
    PASSED
  }

  /** The first instant a change to the day is no longer on time. */
  ZonedDateTime deadline(LocalDate day, SchoolCalendar calendar);

  /** When changes to the day open (a window rule); always open otherwise. */
  default Optional<ZonedDateTime> opens(LocalDate day) {
    return Optional.empty();
  }

  String text();

  default Verdict check(LocalDate day, Instant now, SchoolCalendar calendar) {
    Optional<ZonedDateTime> opens = opens(day);
    if (opens.isPresent() && now.isBefore(opens.get().toInstant())) {
      return Verdict.NOT_YET_OPEN;
    }
    return now.isBefore(deadline(day, calendar).toInstant()) ? Verdict.OPEN : Verdict.PASSED;
  }

  record Relative(int days, DayUnit unit, LocalTime at) implements CutoffRule {
    public Relative {
      if (days < 0 || days > 60) {
        throw new IllegalArgumentException("days out of 0..60: " + days);
      }
    }

    @Override
    public ZonedDateTime deadline(LocalDate day, SchoolCalendar calendar) {
      LocalDate d = day;
      if (unit == DayUnit.CALENDAR) {
        d = day.minusDays(days);
      } else {
        int left = days;
        while (left > 0) {
          d = d.minusDays(1);
          boolean counts = unit == DayUnit.WORKING ? calendar.workingDay(d) : calendar.schoolDay(d);
          if (counts) {
            left--;
          }
        }
      }
      return ZonedDateTime.of(d, at, TOWN_ZONE);
    }

    @Override
    public String text() {
      return "RELATIVE " + days + " " + unit + " " + at;
    }
  }

  record Weekly(DayOfWeek weekday, LocalTime at) implements CutoffRule {
    @Override
    public ZonedDateTime deadline(LocalDate day, SchoolCalendar calendar) {
      LocalDate mondayBefore =
          day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
      return ZonedDateTime.of(mondayBefore.plusDays(weekday.getValue() - 1L), at, TOWN_ZONE);
    }

    @Override
    public String text() {
      return "WEEKLY " + weekday + " " + at;
    }
  }

  record Window(LocalDateTime from, LocalDateTime until) implements CutoffRule {
    public Window {
      if (!until.isAfter(from)) {
        throw new IllegalArgumentException("window closes before it opens");
      }
    }

    @Override
    public ZonedDateTime deadline(LocalDate day, SchoolCalendar calendar) {
      return until.atZone(TOWN_ZONE);
    }

    @Override
    public Optional<ZonedDateTime> opens(LocalDate day) {
      return Optional.of(from.atZone(TOWN_ZONE));
    }

    @Override
    public String text() {
      return "WINDOW " + from + " " + until;
    }
  }

  /** Reads a rule; {@link IllegalArgumentException} with what is wrong otherwise. */
  static CutoffRule parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no rule");
    }
    String[] p = text.strip().split("\\s+");
    try {
      return switch (p[0].toUpperCase(Locale.ROOT)) {
        case "RELATIVE" -> {
          require(p, 4);
          yield new Relative(
              Integer.parseInt(p[1]),
              DayUnit.valueOf(p[2].toUpperCase(Locale.ROOT)),
              LocalTime.parse(p[3]));
        }
        case "WEEKLY" -> {
          require(p, 3);
          yield new Weekly(DayOfWeek.valueOf(p[1].toUpperCase(Locale.ROOT)), LocalTime.parse(p[2]));
        }
        case "WINDOW" -> {
          require(p, 3);
          yield new Window(LocalDateTime.parse(p[1]), LocalDateTime.parse(p[2]));
        }
        default -> throw new IllegalArgumentException("unknown rule " + p[0]);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("bad rule " + text, e);
    }
  }

  private static void require(String[] parts, int n) {
    if (parts.length != n) {
      throw new IllegalArgumentException("expected " + n + " parts");
    }
  }
}
