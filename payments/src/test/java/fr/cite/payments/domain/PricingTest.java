package fr.cite.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cite.payments.domain.BillableDays.Attendance;
import fr.cite.payments.domain.BillableDays.Booking;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {

  static final LocalDate SEPT = LocalDate.of(2026, 9, 1);

  /** Le Havre-like canteen: 3 brackets for residents, one price for others, rank 3+ cheaper. */
  static Tariff canteen() {
    return new Tariff(
        11L,
        1L,
        SEPT,
        null,
        Tariff.Unit.MEAL,
        List.of(
            new Bracket(0, 400, true, 1, 101),
            new Bracket(400, 800, true, 1, 250),
            new Bracket(800, null, true, 1, 420),
            new Bracket(0, 400, true, 3, 50),
            new Bracket(400, null, true, 3, 200),
            new Bracket(0, null, false, 1, 610)),
        100,
        0,
        150,
        100,
        20);
  }

  static Chargeable day(Integer quotient, ChargeCase c) {
    return new Chargeable(5L, 1L, 9L, SEPT.plusDays(1), c, false, quotient, true, 1, 1);
  }

  @Test
  void aQuotientOnABoundaryBelongsToTheBracketItOpens() {
    assertThat(Pricing.price(canteen(), day(399, ChargeCase.PRESENT)).unitCents()).isEqualTo(101);
    assertThat(Pricing.price(canteen(), day(400, ChargeCase.PRESENT)).unitCents()).isEqualTo(250);
    assertThat(Pricing.price(canteen(), day(799, ChargeCase.PRESENT)).bracket())
        .isEqualTo("400–799");
    assertThat(Pricing.price(canteen(), day(800, ChargeCase.PRESENT)).bracket()).isEqualTo("800+");
    assertThat(Pricing.price(canteen(), day(0, ChargeCase.PRESENT)).unitCents()).isEqualTo(101);
  }

  @Test
  void noValidQuotientMeansTheTopBracket() {
    PricedLine l = Pricing.price(canteen(), day(null, ChargeCase.BOOKED));
    assertThat(l.unitCents()).isEqualTo(420);
    assertThat(l.bracket()).isEqualTo("800+");
  }

  @Test
  void casesResidenceAndRankChangeThePrice() {
    Tariff t = canteen();
    assertThat(Pricing.price(t, day(500, ChargeCase.ABSENT_JUSTIFIED)).amountCents()).isZero();
    assertThat(Pricing.price(t, day(500, ChargeCase.ABSENT_UNJUSTIFIED)).amountCents())
        .isEqualTo(250);
    // Unbooked: 150 % and 1 € more.
    assertThat(Pricing.price(t, day(500, ChargeCase.UNBOOKED_PRESENT)).amountCents())
        .isEqualTo(475);
    Chargeable late = new Chargeable(5L, 1L, 9L, SEPT, ChargeCase.BOOKED, true, 500, true, 1, 1);
    assertThat(Pricing.price(t, late).amountCents()).isEqualTo(300);
    Chargeable third = new Chargeable(5L, 1L, 9L, SEPT, ChargeCase.PRESENT, false, 500, true, 3, 1);
    assertThat(Pricing.price(t, third).unitCents()).isEqualTo(200);
    Chargeable fourth =
        new Chargeable(5L, 1L, 9L, SEPT, ChargeCase.PRESENT, false, 100, true, 4, 1);
    assertThat(Pricing.price(t, fourth).unitCents()).isEqualTo(50);
    Chargeable outsider =
        new Chargeable(5L, 1L, 9L, SEPT, ChargeCase.PRESENT, false, 100, false, 2, 1);
    assertThat(Pricing.price(t, outsider).unitCents()).isEqualTo(610);
  }

  @Test
  void eachLineIsRoundedHalfUpAndTheTotalIsTheirSum() {
    // 1.01 € at 150 % = 1.515 → 1.52 (half up), plus 1 € extra.
    Chargeable c =
        new Chargeable(5L, 1L, 9L, SEPT, ChargeCase.UNBOOKED_PRESENT, false, 10, true, 1, 1);
    PricedLine l = Pricing.price(canteen(), c);
    assertThat(l.amountCents()).isEqualTo(152 + 100);
    List<Long> amounts =
        java.util.stream.IntStream.range(0, 7)
            .mapToObj(i -> Pricing.price(canteen(), c).amountCents())
            .toList();
    assertThat(Pricing.total(amounts)).isEqualTo(7 * 252);
  }

  @Test
  void aDayWithoutTariffOrBracketIsUnpriceableNotFree() {
    Chargeable before =
        new Chargeable(5L, 1L, 9L, SEPT.minusDays(1), ChargeCase.PRESENT, false, 1, true, 1, 1);
    assertThatThrownBy(() -> Pricing.price(List.of(canteen()), before))
        .isInstanceOf(Pricing.Unpriceable.class);
    Tariff residentsOnly =
        new Tariff(
            12L,
            1L,
            SEPT,
            null,
            Tariff.Unit.MEAL,
            List.of(new Bracket(0, null, true, 1, 300)),
            100,
            0,
            100,
            0,
            0);
    Chargeable outsider =
        new Chargeable(5L, 1L, 9L, SEPT, ChargeCase.PRESENT, false, 1, false, 1, 1);
    assertThatThrownBy(() -> Pricing.price(residentsOnly, outsider))
        .isInstanceOf(Pricing.Unpriceable.class)
        .hasMessageContaining("non-resident");
  }

  @Test
  void aQuotientChangingMidMonthChangesThePriceFromItsFirstDay() {
    long child = 5L;
    List<BillableDays.Day> days =
        java.util.stream.IntStream.rangeClosed(1, 30)
            .mapToObj(
                d ->
                    new BillableDays.Day(
                        child,
                        1L,
                        100L + d,
                        SEPT.withDayOfMonth(d),
                        Booking.BOOKED,
                        false,
                        Attendance.PRESENT))
            .toList();
    List<Chargeable> billable =
        BillableDays.of(
            List.of(new BillableDays.Child(child, LocalDate.of(2018, 3, 1))),
            days,
            List.of(),
            List.of(
                new BillableDays.Quotient(900, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 15)),
                new BillableDays.Quotient(350, LocalDate.of(2026, 9, 16), null)),
            true);
    List<PricedLine> lines = billable.stream().map(c -> Pricing.price(canteen(), c)).toList();
    assertThat(lines.subList(0, 15)).allMatch(l -> l.unitCents() == 420);
    assertThat(lines.subList(15, 30)).allMatch(l -> l.unitCents() == 101);
    assertThat(Pricing.total(lines.stream().map(PricedLine::amountCents).toList()))
        .isEqualTo(15 * 420 + 15 * 101);
  }

  @Test
  void casesFollowTheBookingsTheRegisterAndTheAbsences() {
    long a = 1L;
    long b = 2L;
    LocalDate d = SEPT;
    List<BillableDays.Day> days =
        List.of(
            new BillableDays.Day(a, 1L, 1L, d, Booking.BOOKED, false, Attendance.PRESENT),
            new BillableDays.Day(
                a, 1L, 2L, d.plusDays(1), Booking.BOOKED, false, Attendance.ABSENT),
            new BillableDays.Day(
                a, 1L, 3L, d.plusDays(2), Booking.BOOKED, false, Attendance.ABSENT),
            new BillableDays.Day(
                a, 1L, 4L, d.plusDays(3), Booking.CANCELLED, false, Attendance.NOT_TAKEN),
            new BillableDays.Day(
                a,
                1L,
                5L,
                d.plusDays(6),
                Booking.CANCELLED_FOR_ABSENCE,
                false,
                Attendance.NOT_TAKEN),
            new BillableDays.Day(
                a, 1L, 6L, d.plusDays(7), Booking.NONE, false, Attendance.UNBOOKED_PRESENT),
            new BillableDays.Day(b, 1L, 7L, d, Booking.BOOKED, true, Attendance.NOT_TAKEN));
    List<Chargeable> c =
        BillableDays.of(
            List.of(
                new BillableDays.Child(a, LocalDate.of(2017, 1, 1)),
                new BillableDays.Child(b, LocalDate.of(2019, 1, 1)),
                new BillableDays.Child(3L, LocalDate.of(2015, 1, 1))),
            days,
            List.of(new BillableDays.Absence(a, d.plusDays(2), d.plusDays(6))),
            List.of(),
            true);
    assertThat(c)
        .extracting(Chargeable::chargeCase)
        .containsExactly(
            ChargeCase.PRESENT,
            ChargeCase.ABSENT_UNJUSTIFIED,
            ChargeCase.ABSENT_JUSTIFIED,
            ChargeCase.ABSENT_JUSTIFIED,
            ChargeCase.UNBOOKED_PRESENT,
            ChargeCase.BOOKED);
    // The eldest billed child is rank 1; a child with nothing this month does not count.
    assertThat(c.get(0).siblingRank()).isEqualTo(1);
    assertThat(c.get(5).siblingRank()).isEqualTo(2);
    assertThat(c.get(5).late()).isTrue();
  }

  /** A crèche by the hour, CNAF-like: floor 801 €, ceiling 7 000 €, 0.0619 % for 1 child… */
  static Tariff creche() {
    return new Tariff(
        12L,
        2L,
        SEPT,
        null,
        Tariff.Unit.HOUR,
        List.of(),
        100,
        0,
        100,
        0,
        0,
        new Hourly(80_100, 700_000, List.of(619, 516, 413, 310)));
  }

  static Chargeable crecheDay(Integer resources, int children, int minutes, ChargeCase c) {
    return new Chargeable(
        5L, 2L, 9L, SEPT.plusDays(1), c, false, 900, true, 1, 1, resources, children, minutes);
  }

  @Test
  void aCrecheHourIsAShareOfTheResourcesByTheNumberOfChildren() {
    // 3 000 € × 0.0619 % = 1.857 €/h; 10 hours: 18.57 €.
    PricedLine l = Pricing.price(creche(), crecheDay(300_000, 1, 600, ChargeCase.PRESENT));
    assertThat(l.unitCents()).isEqualTo(186);
    assertThat(l.amountCents()).isEqualTo(1857);
    assertThat(l.bracket()).isEqualTo("3000 € × 0,0619 %");
    // Two children: 0.0516 %; five: the last rate (0.031 %).
    assertThat(
            Pricing.price(creche(), crecheDay(300_000, 2, 600, ChargeCase.PRESENT)).amountCents())
        .isEqualTo(1548);
    assertThat(
            Pricing.price(creche(), crecheDay(300_000, 5, 600, ChargeCase.PRESENT)).amountCents())
        .isEqualTo(930);
  }

  @Test
  void aCrecheHourIsBetweenTheFloorAndTheCeilingAndNoResourcesMeansTheCeiling() {
    // Below the floor: the floor (801 € × 0.0619 % × 7.5 h = 3.7186… → 3.72 €).
    assertThat(Pricing.price(creche(), crecheDay(20_000, 1, 450, ChargeCase.PRESENT)).amountCents())
        .isEqualTo(372);
    // Above the ceiling, or none declared: the ceiling (7 000 € × 0.0619 % = 4.333 €/h).
    assertThat(
            Pricing.price(creche(), crecheDay(1_500_000, 1, 60, ChargeCase.PRESENT)).amountCents())
        .isEqualTo(433);
    PricedLine none = Pricing.price(creche(), crecheDay(null, 1, 60, ChargeCase.BOOKED));
    assertThat(none.amountCents()).isEqualTo(433);
    assertThat(none.bracket()).startsWith("plafond 7000 €");
    // A justified absence costs nothing; an unjustified one the whole day.
    assertThat(
            Pricing.price(creche(), crecheDay(300_000, 1, 600, ChargeCase.ABSENT_JUSTIFIED))
                .amountCents())
        .isZero();
    assertThat(
            Pricing.price(creche(), crecheDay(300_000, 1, 600, ChargeCase.ABSENT_UNJUSTIFIED))
                .amountCents())
        .isEqualTo(1857);
  }

  @Test
  void aCrecheDayWithoutDurationIsUnpriceableAndRoundingStaysPerLine() {
    assertThatThrownBy(() -> Pricing.price(creche(), crecheDay(300_000, 1, 0, ChargeCase.PRESENT)))
        .isInstanceOf(Pricing.Unpriceable.class)
        .hasMessageContaining("no duration");
    // 20 days of 7 h 45 at 2 345,67 €: each line rounded once, the total their sum.
    List<Long> amounts = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      amounts.add(
          Pricing.price(creche(), crecheDay(234_567, 1, 465, ChargeCase.PRESENT)).amountCents());
    }
    // 2 345.67 × 0.000619 × 7.75 = 11.2528… → 11.25 € a day.
    assertThat(amounts).containsOnly(1125L);
    assertThat(Pricing.total(amounts)).isEqualTo(22_500L);
  }

  @Test
  void anHourlyTariffAndOnlyItHasAResourcesRule() {
    assertThatThrownBy(
            () ->
                new Tariff(
                    1L, 2L, SEPT, null, Tariff.Unit.HOUR, List.of(), 100, 0, 100, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Hourly(700_000, 80_100, List.of(619)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Hourly(0, 1, List.of(619, 516)).ratesText()).isEqualTo("619,516");
    assertThat(Hourly.parseRates("619, 516")).containsExactly(619, 516);
  }
}
