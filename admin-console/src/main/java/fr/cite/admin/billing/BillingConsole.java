package fr.cite.admin.billing;

import fr.cite.admin.web.ConsoleFaces;
import fr.cite.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.Locale;

/** What the billing console pages share (see {@link ConsoleFaces}), and money. */
final class BillingConsole {

  private BillingConsole() {}

  static Locale locale() {
    return ConsoleFaces.locale();
  }

  static void problem(ProblemException e) {
    ConsoleFaces.problem(e);
  }

  static String text(String key, Object... args) {
    return ConsoleFaces.text(key, args);
  }

  static void info(String text) {
    ConsoleFaces.info(text);
  }

  static void error(String text) {
    ConsoleFaces.error(text);
  }

  static String by() {
    return ConsoleFaces.by("régisseur");
  }

  static String money(long cents) {
    return fr.cite.payments.domain.Money.ofCents(cents).format(locale());
  }

  static String date(LocalDate d) {
    return ConsoleFaces.date(d);
  }

  static LocalDate today() {
    return ConsoleFaces.today();
  }
}
