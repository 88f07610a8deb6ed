package fr.cite.platform.family;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.platform.family.domain.ActivityDays;
import fr.cite.platform.family.domain.CrecheApplication;
import fr.cite.platform.family.domain.CrecheCriterion;
import fr.cite.platform.family.domain.CrecheGrid;
import fr.cite.platform.family.domain.PublicHolidays;
import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.family.domain.SchoolZone;
import fr.cite.platform.family.domain.Weekdays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Public holidays, the school calendar of a zone, activity days and the crèche grid. */
class CalendarTest {

  @Test
  void easterAndTheHolidaysThatFollowIt() {
    assertThat(PublicHolidays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(PublicHolidays.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(PublicHolidays.of(2026))
        .hasSize(11)
        .contains(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25));
  }

  @Test
  void zonesComeFromTheDepartementAndCorsicaHasNone() {
    assertThat(SchoolZone.ofInseeCode("76351")).contains(SchoolZone.B); // Le Havre
    assertThat(SchoolZone.ofInseeCode("69123")).contains(SchoolZone.A); // Lyon
    assertThat(SchoolZone.ofInseeCode("75056")).contains(SchoolZone.C); // Paris
    assertThat(SchoolZone.ofInseeCode("2A004")).isEmpty();
  }

  @Test
  void winterBreaksDifferByZone() {
    SchoolCalendar a = new SchoolCalendar(Optional.of(SchoolZone.A), Set.of());
    SchoolCalendar b = new SchoolCalendar(Optional.of(SchoolZone.B), Set.of());
    LocalDate day = LocalDate.of(2026, 2, 9);
    assertThat(a.schoolHoliday(day)).isTrue();
    assertThat(b.schoolHoliday(day)).isFalse();
    assertThat(b.schoolDay(day)).isTrue();
  }

  @Test
  void activityDaysFollowTheCalendar() {
    SchoolCalendar b = new SchoolCalendar(Optional.of(SchoolZone.B), Set.of());
    int canteen =
        Weekdays.of(
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    assertThat(b.runs(ActivityDays.SCHOOL_DAYS, canteen, LocalDate.of(2026, 12, 7))).isTrue();
    assertThat(b.runs(ActivityDays.SCHOOL_DAYS, canteen, LocalDate.of(2026, 12, 9))).isFalse();
    assertThat(b.runs(ActivityDays.SCHOOL_DAYS, canteen, LocalDate.of(2026, 12, 21))).isFalse();
    assertThat(b.runs(ActivityDays.HOLIDAYS, Weekdays.MONDAY_TO_FRIDAY, LocalDate.of(2026, 12, 21)))
        .isTrue();
    assertThat(b.runs(ActivityDays.HOLIDAYS, Weekdays.MONDAY_TO_FRIDAY, LocalDate.of(2026, 12, 25)))
        .isFalse();
    assertThat(
            b.runs(ActivityDays.WEDNESDAYS, Weekdays.MONDAY_TO_FRIDAY, LocalDate.of(2026, 12, 9)))
        .isTrue();
    assertThat(
            b.runs(
                ActivityDays.WORKING_DAYS, Weekdays.MONDAY_TO_FRIDAY, LocalDate.of(2026, 11, 11)))
        .isFalse();
  }

  @Test
  void theGridRanksByPointsThenByDateOfApplication() {
    CrecheGrid grid =
        new CrecheGrid(
            Map.of(
                CrecheCriterion.Code.SIBLING, 20,
                CrecheCriterion.Code.RESIDENT, 30,
                CrecheCriterion.Code.PER_MONTH_WAITING, 2));
    Instant applied = Instant.parse("2026-09-01T10:00:00Z");
    CrecheApplication sibling =
        new CrecheApplication(
            1,
            1,
            LocalDate.of(2027, 1, 4),
            31,
            LocalTime.of(8, 0),
            LocalTime.of(17, 0),
            List.of(1L),
            Set.of(CrecheCriterion.Code.SIBLING),
            applied);
    CrecheGrid.Score s = grid.score(sibling, true, LocalDate.of(2026, 12, 2));
    assertThat(s.total()).isEqualTo(20 + 30 + 2 * 3);
    assertThat(s.lines())
        .extracting(CrecheGrid.Line::code)
        .containsExactly(
            CrecheCriterion.Code.SIBLING,
            CrecheCriterion.Code.RESIDENT,
            CrecheCriterion.Code.PER_MONTH_WAITING);
    assertThat(grid.score(sibling, false, LocalDate.of(2026, 9, 15)).total()).isEqualTo(20);
  }
}
