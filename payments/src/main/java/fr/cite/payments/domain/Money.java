package fr.cite.payments.domain;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount in euro cents. Never a floating-point number: invoices priced by family-quotient
 * brackets add up to the cent, and Stripe takes amounts in cents too.
 */
public record Money(long cents) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /** Parses an amount written in euros, such as {@code 12.5}, {@code 12,50} or {@code 0.05}. */
  public static Money parseEuros(String text) {
    String t = text.strip().replace(',', '.');
    if (!t.matches("-?\\d{1,12}(\\.\\d{1,2})?")) {
      throw new IllegalArgumentException("Not an amount in euros: " + text);
    }
    boolean negative = t.startsWith("-");
    String[] parts = (negative ? t.substring(1) : t).split("\\.");
    long cents = Long.parseLong(parts[0]) * 100;
    if (parts.length == 2) {
      String frac = parts[1].length() == 1 ? parts[1] + "0" : parts[1];
      cents += Long.parseLong(frac);
    }
    return new Money(negative ? -cents : cents);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(cents, other.cents));
  }

  public Money times(long quantity) {
    return new Money(Math.multiplyExact(cents, quantity));
  }

  public boolean isNegative() {
    return cents < 0;
  }

  /** As a reader of the language expects: {@code 12,50 €} in French, {@code €12.50} in English. */
  public String format(Locale locale) {
    NumberFormat f =
        NumberFormat.getCurrencyInstance(
            "en".equals(locale.getLanguage()) ? Locale.UK : Locale.FRANCE);
    f.setCurrency(java.util.Currency.getInstance("EUR"));
    return f.format(cents / 100.0).replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  @Override
  public int compareTo(Money o) {
    return Long.compare(cents, o.cents);
  }
}
