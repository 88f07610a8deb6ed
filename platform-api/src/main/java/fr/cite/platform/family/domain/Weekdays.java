package fr.cite.platform.family.domain;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of days of the week as a bit mask (Monday = 1, Tuesday = 2, … Sunday = 64). */
public final class Weekdays {

  public static final int MONDAY_TO_FRIDAY = 31;

  private Weekdays() {}

  public static int bit(DayOfWeek d) {
    return 1 << (d.getValue() - 1);
  }

  public static boolean contains(int mask, DayOfWeek d) {
    return (mask & bit(d)) != 0;
  }

  public static int of(Set<DayOfWeek> days) {
    int mask = 0;
    for (DayOfWeek d : days) {
      mask |= bit(d);
    }
    return mask;
  }

  public static Set<DayOfWeek> days(int mask) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (contains(mask, d)) {
        days.add(d);
      }
    }
    return days;
  }

  /** "lun., mar., jeu., ven." in the reader's language. */
  public static String label(int mask, Locale locale) {
    return days(mask).stream()
        .map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, locale))
        .collect(Collectors.joining(", "));
  }

  /** Parses "MONDAY,TUESDAY" or "1,2,4" (ISO numbers); unknown names give an exception. */
  public static int parse(java.util.Collection<String> names) {
    int mask = 0;
    for (String n : names) {
      String s = n.strip().toUpperCase(Locale.ROOT);
      DayOfWeek d = s.matches("[1-7]") ? DayOfWeek.of(Integer.parseInt(s)) : DayOfWeek.valueOf(s);
      mask |= bit(d);
    }
    return mask;
  }
}
