package fr.cite.admin.family;

import fr.cite.platform.problem.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the family console pages share: who acts, problems as messages, dates. */
final class FamilyConsole {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private FamilyConsole() {}

  static Locale locale() {
    FacesContext f = FacesContext.getCurrentInstance();
    return f.getViewRoot() == null ? Locale.FRENCH : f.getViewRoot().getLocale();
  }

  /** A refused operation: each field's message, or the problem's detail. */
  static void problem(ProblemException e) {
    fr.cite.platform.problem.FacesProblems.show(e, locale(), field -> field);
  }

  /** A message of the console's bundle, formatted with its arguments. */
  static String text(String key, Object... args) {
    return java.text.MessageFormat.format(fr.cite.admin.web.ConsoleMessages.text(key), args);
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static String by() {
    var req =
        (jakarta.servlet.http.HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return fr.cite.platform.identity.web.SignedIn.claim(req, "email")
        .or(() -> fr.cite.platform.identity.web.SignedIn.subject(req))
        .orElse("agent");
  }

  static String date(LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }

  static LocalDate today() {
    return LocalDate.now(PARIS);
  }
}
