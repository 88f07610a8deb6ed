package fr.cite.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Prices a child's day with the tariff version valid on it: the billing run and the parents'
 * forecast both call this, so that what a family is told is what it is invoiced. Every line is
 * rounded half-up to the cent on its own; a total is the sum of its lines, never re-rounded.
 */
public final class Pricing {

  /** Why a day could not be priced: the household is listed in error, the run goes on. */
  public static final class Unpriceable extends RuntimeException {
    public Unpriceable(String message) {
      super(message);
    }
  }

  private Pricing() {}

  /** The tariff version of the activity valid on the day, if the town set one. */
  public static Optional<Tariff> tariffOn(Collection<Tariff> tariffs, Chargeable day) {
    return tariffs.stream()
        .filter(t -> t.activityId() == day.activityId() && t.covers(day.day()))
        .findFirst();
  }

  public static PricedLine price(Collection<Tariff> tariffs, Chargeable day) {
    Tariff tariff =
        tariffOn(tariffs, day)
            .orElseThrow(
                () ->
                    new Unpriceable(
                        "no tariff for activity " + day.activityId() + " on " + day.day()));
    return price(tariff, day);
  }

  public static PricedLine price(Tariff tariff, Chargeable day) {
    if (day.chargeCase() == ChargeCase.CREDIT) {
      throw new IllegalArgumentException("A credit negates a line, it is not priced");
    }
    if (tariff.unit() == Tariff.Unit.HOUR) {
      return hourly(tariff, day);
    }
    Bracket bracket =
        tariff
            .bracketFor(day.quotient(), day.resident(), day.siblingRank())
            .orElseThrow(
                () ->
                    new Unpriceable(
                        "no bracket of tariff "
                            + tariff.id()
                            + " for quotient "
                            + day.quotient()
                            + (day.resident() ? ", resident" : ", non-resident")
                            + ", rank "
                            + day.siblingRank()));
    int percent = percent(tariff, day);
    int extra = day.chargeCase() == ChargeCase.UNBOOKED_PRESENT ? tariff.unbookedExtraCents() : 0;
    long amount =
        BigDecimal.valueOf((long) bracket.unitCents() * day.quantity())
                .multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact()
            + (long) extra * day.quantity();
    return new PricedLine(
        day, bracket.unitCents(), percent, amount, bracket.label(), tariff.id(), extra);
  }

  /**
   * A crèche's day priced by the hour: the day's minutes at the household's hourly price, times the
   * case's percentage, rounded once; the line shows the hourly price and what it came from.
   */
  static PricedLine hourly(Tariff tariff, Chargeable day) {
    if (day.minutes() <= 0) {
      throw new Unpriceable(
          "no duration for activity " + day.activityId() + " on " + day.day() + " (hourly tariff)");
    }
    Hourly h = tariff.hourly();
    int percent = percent(tariff, day);
    int extra = day.chargeCase() == ChargeCase.UNBOOKED_PRESENT ? tariff.unbookedExtraCents() : 0;
    long amount =
        h.amountCents(day.resourcesCents(), day.householdChildren(), day.minutes(), percent)
            + extra;
    String basis =
        (day.resourcesCents() == null ? "plafond " : "")
            + (h.resourcesCents(day.resourcesCents()) / 100)
            + " € × "
            + BigDecimal.valueOf(h.ratePpm(day.householdChildren()), 4)
                .stripTrailingZeros()
                .toPlainString()
                .replace('.', ',')
            + " %";
    // The line's quantity is the day's minutes: what the invoice shows next to the hourly price.
    Chargeable timed =
        new Chargeable(
            day.childId(),
            day.activityId(),
            day.sessionId(),
            day.day(),
            day.chargeCase(),
            day.late(),
            day.quotient(),
            day.resident(),
            day.siblingRank(),
            day.minutes(),
            day.resourcesCents(),
            day.householdChildren(),
            day.minutes());
    return new PricedLine(
        timed,
        h.hourlyCents(day.resourcesCents(), day.householdChildren()),
        percent,
        amount,
        basis,
        tariff.id(),
        extra);
  }

  private static int percent(Tariff tariff, Chargeable day) {
    int percent =
        switch (day.chargeCase()) {
          case PRESENT, BOOKED -> 100;
          case ABSENT_JUSTIFIED -> tariff.justifiedPercent();
          case ABSENT_UNJUSTIFIED -> tariff.unjustifiedPercent();
          case UNBOOKED_PRESENT -> tariff.unbookedPercent();
          case CREDIT -> throw new IllegalStateException();
        };
    if (day.late() && percent > 0) {
      percent += tariff.latePercent();
    }
    return percent;
  }

  /** The sum of the lines, in cents. */
  public static long total(List<Long> amounts) {
    return amounts.stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
  }
}
