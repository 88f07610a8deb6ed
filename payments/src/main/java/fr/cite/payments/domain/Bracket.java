package fr.cite.payments.domain;

/**
 * One price of a tariff: for quotients in {@code [quotientMin, quotientMax)} ({@code quotientMax}
 * null for the open last bracket), residents or not, from a sibling rank on (1 = the eldest).
 */
public record Bracket(
    int quotientMin, Integer quotientMax, boolean resident, int siblingRankMin, int unitCents) {

  public Bracket {
    if (quotientMin < 0 || (quotientMax != null && quotientMax <= quotientMin)) {
      throw new IllegalArgumentException("Bracket bounds: [" + quotientMin + ", " + quotientMax);
    }
    if (siblingRankMin < 1 || unitCents < 0) {
      throw new IllegalArgumentException("Bracket rank or price");
    }
  }

  boolean contains(int quotient) {
    return quotient >= quotientMin && (quotientMax == null || quotient < quotientMax);
  }

  /** As printed on a line and in the tariff table: {@code 0–400}, {@code 1200+}. */
  public String label() {
    return quotientMax == null ? quotientMin + "+" : quotientMin + "–" + (quotientMax - 1);
  }
}
