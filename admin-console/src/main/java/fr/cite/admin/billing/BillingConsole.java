package fr.cite.admin.billing;

import fr.cite.platform.problem.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the billing console pages share: who acts, messages, money and dates. */
final class BillingConsole {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private BillingConsole() {}

  static Locale locale() {
    FacesContext f = FacesContext.getCurrentInstance();
    return f.getViewRoot() == null ? Locale.FRENCH : f.getViewRoot().getLocale();
  }

  static void problem(ProblemException e) {
    fr.cite.platform.problem.FacesProblems.show(e, locale(), field -> field);
  }

  static String text(String key, Object... args) {
    return java.text.MessageFormat.format(fr.cite.admin.web.ConsoleMessages.text(key), args);
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    FacesContext.getCurrentInstance().validationFailed();
  }

  static String by() {
    var req =
        (jakarta.servlet.http.HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return fr.cite.platform.identity.web.SignedIn.claim(req, "email")
        .or(() -> fr.cite.platform.identity.web.SignedIn.subject(req))
        .orElse("régisseur");
  }

  static String money(long cents) {
    return fr.cite.payments.domain.Money.ofCents(cents).format(locale());
  }

  static String date(LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }

  static LocalDate today() {
    return LocalDate.now(PARIS);
  }
}
