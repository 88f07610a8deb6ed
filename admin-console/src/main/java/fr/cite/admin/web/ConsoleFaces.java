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
    String pattern = ConsoleMessages.text(key);
    // French is full of apostrophes: a message written with MessageFormat's doubled quotes keeps
    // them, any other has its apostrophes kept as they are (not read as MessageFormat quotes).
    return java.text.MessageFormat.format(
        pattern.contains("''") ? pattern : pattern.replace("'", "''"), args);
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

  /**
   * Validates a body as the API does (its Bean Validation constraints); each violation becomes an
   * error message naming the field by its label on the page. True when the body is valid.
   */
  public static boolean valid(Object body, java.util.function.Function<String, String> label) {
    jakarta.validation.Validator validator =
        jakarta
            .enterprise
            .inject
            .spi
            .CDI
            .current()
            .select(jakarta.validation.Validator.class)
            .get();
    var violations = validator.validate(body);
    violations.stream()
        .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(
            v ->
                error(
                    label.apply(v.getPropertyPath().toString())
                        + " : "
                        + fr.cite.platform.problem.ValidationExceptionMapper.message(v, locale())));
    return violations.isEmpty();
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
