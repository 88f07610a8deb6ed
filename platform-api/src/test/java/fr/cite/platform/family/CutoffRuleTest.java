package fr.cite.platform.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cite.platform.family.domain.CutoffRule;
import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.family.domain.SchoolZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cut-off rules at their boundaries, with the instant given as a clock would: one second before
 * the deadline is on time, the deadline itself is not; across the changes to and from summer time;
 * with public and school holidays among the counted days; weekly and window rules.
 */
class CutoffRuleTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final SchoolCalendar ZONE_B = new SchoolCalendar(Optional.of(SchoolZone.B), Set.of());

  static Instant paris(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }

  @Test
  void twoCalendarDaysBeforeAtTenIsOnTimeAtNineFiftyNineFiftyNineAndLateAtTen() {
    CutoffRule rule = CutoffRule.parse("RELATIVE 2 CALENDAR 10:00");
    LocalDate thursday = LocalDate.of(2026, 12, 10);
    assertThat(rule.check(thursday, paris("2026-12-08T09:59:59"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.OPEN);
    assertThat(rule.check(thursday, paris("2026-12-08T10:00:00"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.PASSED);
    assertThat(rule.check(thursday, paris("2026-12-08T10:00:01"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.PASSED);
  }

  @Test
  void theDeadlineIsTenOClockParisTimeOnBothSidesOfTheChangeToSummerTime() {
    // Summer time starts on Sunday 28 March 2027 at 02:00 (UTC+1 → UTC+2).
    CutoffRule rule = CutoffRule.parse("RELATIVE 1 CALENDAR 10:00");
    LocalDate monday = LocalDate.of(2027, 3, 29);
    assertThat(rule.deadline(monday, ZONE_B).toInstant())
        .isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
    assertThat(rule.check(monday, Instant.parse("2027-03-28T07:59:59Z"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.OPEN);
    assertThat(rule.check(monday, Instant.parse("2027-03-28T08:00:00Z"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.PASSED);
    // The day before, still winter time: 10:00 is 09:00 UTC.
    LocalDate sunday = LocalDate.of(2027, 3, 28);
    assertThat(rule.deadline(sunday, ZONE_B).toInstant())
        .isEqualTo(Instant.parse("2027-03-27T09:00:00Z"));
  }

  @Test
  void aDeadlineInTheHourThatDoesNotExistMovesToSummerTimeAndTheRepeatedHourTakesTheFirst() {
    CutoffRule spring = CutoffRule.parse("RELATIVE 0 CALENDAR 02:30");
    assertThat(spring.deadline(LocalDate.of(2027, 3, 28), ZONE_B).toLocalTime().toString())
        .isEqualTo("03:30");
    // Winter time returns on Sunday 31 October 2027 at 03:00: 02:30 happens twice.
    CutoffRule autumn = CutoffRule.parse("RELATIVE 0 CALENDAR 02:30");
    assertThat(autumn.deadline(LocalDate.of(2027, 10, 31), ZONE_B).toInstant())
        .isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
  }

  @Test
  void workingDaysSkipTheWeekendAndPublicHolidays() {
    // Armistice, Wednesday 11 November 2026, is not a working day.
    CutoffRule rule = CutoffRule.parse("RELATIVE 2 WORKING 12:00");
    assertThat(rule.deadline(LocalDate.of(2026, 11, 12), ZONE_B).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 11, 9));
    // Monday: two working days back is Thursday.
    assertThat(rule.deadline(LocalDate.of(2026, 12, 7), ZONE_B).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 3));
  }

  @Test
  void schoolDaysReproduceFridayForMondayAndTuesdayForThursdayAndSkipTheHolidays() {
    CutoffRule rule = CutoffRule.parse("RELATIVE 1 SCHOOL 11:00");
    assertThat(rule.deadline(LocalDate.of(2026, 12, 7), ZONE_B).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(rule.deadline(LocalDate.of(2026, 12, 10), ZONE_B).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 8));
    // Back from the Christmas break on Monday 4 January 2027: the last school day is Friday 18
    // December 2026.
    assertThat(rule.deadline(LocalDate.of(2027, 1, 4), ZONE_B).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 18));
  }

  @Test
  void weeklyRuleClosesNextWeekOnTuesdayAt2359() {
    CutoffRule rule = CutoffRule.parse("WEEKLY TUESDAY 23:59");
    LocalDate wednesday = LocalDate.of(2026, 12, 16);
    assertThat(rule.check(wednesday, paris("2026-12-08T23:58:59"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.OPEN);
    assertThat(rule.check(wednesday, paris("2026-12-08T23:59:00"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.PASSED);
    // Monday and Friday of the same week share the deadline.
    assertThat(rule.deadline(LocalDate.of(2026, 12, 14), ZONE_B))
        .isEqualTo(rule.deadline(LocalDate.of(2026, 12, 18), ZONE_B));
  }

  @Test
  void windowRuleIsNotYetOpenThenOpenThenPassed() {
    CutoffRule rule = CutoffRule.parse("WINDOW 2027-06-01T08:00 2027-06-20T23:59");
    LocalDate july = LocalDate.of(2027, 7, 12);
    assertThat(rule.check(july, paris("2027-06-01T07:59:59"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.NOT_YET_OPEN);
    assertThat(rule.check(july, paris("2027-06-01T08:00:00"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.OPEN);
    assertThat(rule.check(july, paris("2027-06-20T23:59:00"), ZONE_B))
        .isEqualTo(CutoffRule.Verdict.PASSED);
  }

  @Test
  void rulesReadBackAsTheyAreWrittenAndBadOnesAreRefused() {
    for (String text :
        new String[] {
          "RELATIVE 2 CALENDAR 10:00",
          "WEEKLY TUESDAY 23:59",
          "WINDOW 2027-06-01T08:00 2027-06-20T23:59"
        }) {
      assertThat(CutoffRule.parse(text).text()).isEqualTo(text);
    }
    for (String bad :
        new String[] {
          "",
          "RELATIVE",
          "RELATIVE x CALENDAR 10:00",
          "WEEKLY FUNDAY 10:00",
          "WINDOW a b",
          "RELATIVE 2 LUNAR 10:00",
          "WINDOW 2027-06-20T00:00 2027-06-01T00:00"
        }) {
      assertThatThrownBy(() -> CutoffRule.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
