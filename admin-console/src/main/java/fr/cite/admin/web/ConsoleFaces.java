package fr.cite.admin.web;

import fr.cite.platform.problem.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What console pages share: the reader's language, who acts, messages, dates. */
public final class ConsoleFaces {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ConsoleFaces() {}

  public static Locale locale() {
    FacesContext f = FacesContext.getCurrentInstance();
    return f.getViewRoot() == null ? Locale.FRENCH : f.getViewRoot().getLocale();
  }

  /** A refused operation: each field's message, or the problem's detail. */
  public static void problem(ProblemException e) {
    fr.cite.platform.problem.FacesProblems.show(e, locale(), field -> field);
  }

  /** A message of the console's bundle, formatted with its arguments. */
  public static String text(String key, Object... args) {
    return java.text.MessageFormat.format(ConsoleMessages.text(key), args);
  }

  public static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    FacesContext.getCurrentInstance().validationFailed();
  }

  /** The signed-in staff member's e-mail (or subject), for the records. */
  public static String by(String fallback) {
    var req =
        (jakarta.servlet.http.HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return fr.cite.platform.identity.web.SignedIn.claim(req, "email")
        .or(() -> fr.cite.platform.identity.web.SignedIn.subject(req))
        .orElse(fallback);
  }

  public static String date(LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }

  public static LocalDate today() {
    return LocalDate.now(PARIS);
  }
}
