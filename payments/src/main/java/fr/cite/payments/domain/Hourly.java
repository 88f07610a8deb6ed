package fr.cite.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The hourly price of a crèche (the CNAF's "prestation de service unique"): the household's monthly
 * resources, kept between a floor and a ceiling, times an effort rate that falls with the number of
 * children in the household. No declared resources: the ceiling, as for a family that gives none.
 * Rates are in parts per million of the resources per hour (0.0619 % = 619).
 *
 * @param effortRatesPpm the rate for 1, 2, 3… children; the last one for more
 */
public record Hourly(
    int resourcesFloorCents, int resourcesCeilingCents, List<Integer> effortRatesPpm) {

  public Hourly {
    effortRatesPpm = List.copyOf(effortRatesPpm);
    if (resourcesFloorCents < 0 || resourcesCeilingCents <= resourcesFloorCents) {
      throw new IllegalArgumentException("Resources floor and ceiling");
    }
    if (effortRatesPpm.isEmpty()
        || effortRatesPpm.stream().anyMatch(r -> r == null || r <= 0 || r > 100_000)) {
      throw new IllegalArgumentException("Effort rates");
    }
  }

  /** The rate for a household of this many children (at least 1). */
  public int ratePpm(int children) {
    return effortRatesPpm.get(Math.min(Math.max(children, 1), effortRatesPpm.size()) - 1);
  }

  /** The resources the price is computed on. */
  public long resourcesCents(Integer declared) {
    if (declared == null) {
      return resourcesCeilingCents;
    }
    return Math.min(Math.max(declared, resourcesFloorCents), resourcesCeilingCents);
  }

  /** The hourly price shown to the family, rounded half-up to the cent. */
  public int hourlyCents(Integer declared, int children) {
    return BigDecimal.valueOf(resourcesCents(declared) * ratePpm(children))
        .divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /**
   * What {@code minutes} cost at {@code percent} of the price, from the unrounded hourly price,
   * rounded half-up once: {@code resources × rate × minutes × percent / (10^6 × 60 × 100)}.
   */
  public long amountCents(Integer declared, int children, int minutes, int percent) {
    return BigDecimal.valueOf(resourcesCents(declared))
        .multiply(BigDecimal.valueOf(ratePpm(children)))
        .multiply(BigDecimal.valueOf(minutes))
        .multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(6_000_000_000L), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** {@code 619,516,413,310}: how the rates are stored. */
  public String ratesText() {
    return String.join(",", effortRatesPpm.stream().map(String::valueOf).toList());
  }

  public static List<Integer> parseRates(String text) {
    return java.util.Arrays.stream(text.split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .toList();
  }
}
