package fr.cite.admin.family;

import fr.cite.admin.web.ConsoleFaces;
import fr.cite.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** What the family console pages share (see {@link ConsoleFaces}). */
final class FamilyConsole {

  static final ZoneId PARIS = ConsoleFaces.PARIS;

  private FamilyConsole() {}

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

  static String by() {
    return ConsoleFaces.by("agent");
  }

  static String date(LocalDate d) {
    return ConsoleFaces.date(d);
  }

  static LocalDate today() {
    return ConsoleFaces.today();
  }
}
