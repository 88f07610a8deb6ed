package fr.cite.payments.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A version of an activity's tariff, valid on {@code [validFrom, validTo]} (open-ended when {@code
 * validTo} is null): its brackets and what each case costs as a percentage of the bracket's price.
 * Immutable once a run priced with it; a new price is a new version.
 */
public record Tariff(
    long id,
    long activityId,
    LocalDate validFrom,
    LocalDate validTo,
    Unit unit,
    List<Bracket> brackets,
    int unjustifiedPercent,
    int justifiedPercent,
    int unbookedPercent,
    int unbookedExtraCents,
    int latePercent,
    Hourly hourly) {

  /** What one quantity is; an hour is priced from the household's resources ({@link Hourly}). */
  public enum Unit {
    MEAL,
    HALF_DAY,
    DAY,
    SESSION,
    HOUR
  }

  public Tariff {
    brackets = List.copyOf(brackets);
    if ((unit == Unit.HOUR) != (hourly != null)) {
      throw new IllegalArgumentException("An hourly tariff, and only it, has its resources rule");
    }
  }

  /** A tariff priced by brackets (any unit but the hour). */
  public Tariff(
      long id,
      long activityId,
      LocalDate validFrom,
      LocalDate validTo,
      Unit unit,
      List<Bracket> brackets,
      int unjustifiedPercent,
      int justifiedPercent,
      int unbookedPercent,
      int unbookedExtraCents,
      int latePercent) {
    this(
        id,
        activityId,
        validFrom,
        validTo,
        unit,
        brackets,
        unjustifiedPercent,
        justifiedPercent,
        unbookedPercent,
        unbookedExtraCents,
        latePercent,
        null);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
  }

  /**
   * The bracket for a household: its quotient valid on the day (none: the top bracket, as the town
   * says to families), residence and the child's rank among its siblings (the highest rank the
   * bracket table knows at most).
   */
  public Optional<Bracket> bracketFor(Integer quotient, boolean resident, int siblingRank) {
    List<Bracket> candidates =
        brackets.stream()
            .filter(b -> b.resident() == resident && b.siblingRankMin() <= siblingRank)
            .toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    int rank = candidates.stream().mapToInt(Bracket::siblingRankMin).max().orElse(1);
    List<Bracket> ofRank = candidates.stream().filter(b -> b.siblingRankMin() == rank).toList();
    if (quotient == null) {
      return ofRank.stream()
          .max(
              Comparator.comparing(
                  (Bracket b) -> b.quotientMax() == null ? Integer.MAX_VALUE : b.quotientMax()));
    }
    return ofRank.stream().filter(b -> b.contains(quotient)).findFirst();
  }
}
