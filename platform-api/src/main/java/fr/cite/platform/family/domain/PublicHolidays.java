package fr.cite.platform.family.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * France's eleven public holidays (Code du travail, art. L3133-1), computed: the fixed ones and
 * those that follow Easter (Easter Monday, Ascension, Whit Monday), Easter by the anonymous
 * Gregorian algorithm (Meeus/Jones/Butcher). Alsace-Moselle's two extra days are not included.
 */
public final class PublicHolidays {

  private PublicHolidays() {}

  public static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  public static Set<LocalDate> of(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));
    days.add(LocalDate.of(year, Month.MAY, 1));
    days.add(LocalDate.of(year, Month.MAY, 8));
    days.add(LocalDate.of(year, Month.JULY, 14));
    days.add(LocalDate.of(year, Month.AUGUST, 15));
    days.add(LocalDate.of(year, Month.NOVEMBER, 1));
    days.add(LocalDate.of(year, Month.NOVEMBER, 11));
    days.add(LocalDate.of(year, Month.DECEMBER, 25));
    LocalDate easter = easter(year);
    days.add(easter.plusDays(1));
    days.add(easter.plusDays(39));
    days.add(easter.plusDays(50));
    return days;
  }

  public static boolean is(LocalDate day) {
    return of(day.getYear()).contains(day);
  }
}
