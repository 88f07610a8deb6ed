package fr.cite.platform.family.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A town's calendar: school years and holidays of its zone (shipped data, see {@code
 * school-calendar.tsv}), public holidays (computed) and the closures the town added for the whole
 * town (a strike day). Immutable; closures of one activity are the activity's business.
 */
public final class SchoolCalendar {

  /** A school year: first day of class, first day of the summer break (exclusive end). */
  public record SchoolYear(String nameFr, String nameEn, LocalDate start, LocalDate end) {
    public boolean contains(LocalDate d) {
      return !d.isBefore(start) && d.isBefore(end);
    }
  }

  /** A holiday: first day without class, day classes resume (exclusive). */
  public record Holiday(
      String zone, String nameFr, String nameEn, LocalDate start, LocalDate end, String source) {
    public boolean contains(LocalDate d) {
      return !d.isBefore(start) && d.isBefore(end);
    }
  }

  private static final List<SchoolYear> YEARS = new ArrayList<>();
  private static final List<Holiday> HOLIDAYS = new ArrayList<>();

  static {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                SchoolCalendar.class.getResourceAsStream(
                    "/fr/cite/platform/family/school-calendar.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        LocalDate start = LocalDate.parse(f[4]);
        LocalDate end = LocalDate.parse(f[5]);
        if (f[0].equals("YEAR")) {
          YEARS.add(new SchoolYear(f[2], f[3], start, end));
        } else {
          HOLIDAYS.add(new Holiday(f[1], f[2], f[3], start, end, f[6]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final Optional<SchoolZone> zone;
  private final List<Holiday> holidays;
  private final Set<LocalDate> closures;
  private final Map<Integer, Set<LocalDate>> publicHolidays = new HashMap<>();

  public SchoolCalendar(Optional<SchoolZone> zone, Set<LocalDate> townClosures) {
    this.zone = zone;
    this.holidays =
        HOLIDAYS.stream()
            .filter(
                h ->
                    h.zone().equals("ALL")
                        || zone.map(z -> z.name().equals(h.zone())).orElse(false))
            .filter(h -> zone.isPresent())
            .toList();
    this.closures = Set.copyOf(townClosures);
  }

  public Optional<SchoolZone> zone() {
    return zone;
  }

  public static List<SchoolYear> years() {
    return List.copyOf(YEARS);
  }

  /** The school year a day falls in (summer days belong to none), or the next one. */
  public static Optional<SchoolYear> yearOf(LocalDate d) {
    return YEARS.stream().filter(y -> y.contains(d)).findFirst();
  }

  /** The school year under way on a day, or the next one to start (in the summer). */
  public static Optional<SchoolYear> currentOrNext(LocalDate d) {
    return YEARS.stream().filter(y -> y.end().isAfter(d)).findFirst();
  }

  public List<Holiday> holidays() {
    return holidays;
  }

  public boolean publicHoliday(LocalDate d) {
    return publicHolidays.computeIfAbsent(d.getYear(), PublicHolidays::of).contains(d);
  }

  public Optional<Holiday> holidayOn(LocalDate d) {
    return holidays.stream().filter(h -> h.contains(d)).findFirst();
  }

  public boolean schoolHoliday(LocalDate d) {
    return holidayOn(d).isPresent();
  }

  /** Closed for the whole town (a strike day, a bridge the town gives). */
  public boolean townClosed(LocalDate d) {
    return closures.contains(d);
  }

  private static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Monday to Friday, not a public holiday. */
  public boolean workingDay(LocalDate d) {
    return !weekend(d) && !publicHoliday(d);
  }

  /** A day with class: Monday, Tuesday, Thursday or Friday of a school year, off holidays. */
  public boolean schoolDay(LocalDate d) {
    return workingDay(d)
        && d.getDayOfWeek() != DayOfWeek.WEDNESDAY
        && yearOf(d).isPresent()
        && !schoolHoliday(d);
  }

  /** A Wednesday in term time. */
  public boolean termWednesday(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.WEDNESDAY
        && !publicHoliday(d)
        && yearOf(d).isPresent()
        && !schoolHoliday(d);
  }

  /** A working day during a school holiday. */
  public boolean holidayWorkingDay(LocalDate d) {
    return workingDay(d) && schoolHoliday(d);
  }

  /** Whether an activity of this kind of days runs on a day (before closures). */
  public boolean runs(ActivityDays days, int weekdays, LocalDate d) {
    if (!Weekdays.contains(weekdays, d.getDayOfWeek())) {
      return false;
    }
    return switch (days) {
      case SCHOOL_DAYS -> schoolDay(d);
      case WEDNESDAYS -> termWednesday(d);
      case HOLIDAYS -> holidayWorkingDay(d);
      case WORKING_DAYS -> workingDay(d);
    };
  }
}
