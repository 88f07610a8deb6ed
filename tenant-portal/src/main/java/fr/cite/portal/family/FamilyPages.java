package fr.cite.portal.family;

import fr.cite.platform.identity.web.SignedIn;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.Demande;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** What the family pages share: the signed-in parent, problems as messages, dates, redirects. */
final class FamilyPages {

  private FamilyPages() {}

  static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  static Optional<String> subject() {
    return SignedIn.subject(request());
  }

  static String requireSubject() {
    return subject().orElseThrow(() -> new ProblemException(401, "bearer-token-missing"));
  }

  static Demande.Citizen citizen() {
    HttpServletRequest r = request();
    String email = SignedIn.claim(r, "email").orElse(null);
    String name = SignedIn.claim(r, "name").filter(n -> !n.isBlank()).orElse(email);
    return new Demande.Citizen(SignedIn.subject(r).orElse(null), name, email, null);
  }

  /** A problem as page messages: each field's message, or the problem's detail. */
  static void show(
      ProblemException e, Locale locale, java.util.function.Function<String, String> label) {
    fr.cite.platform.problem.FacesProblems.show(e, locale, label);
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    FacesContext.getCurrentInstance().validationFailed();
  }

  /**
   * Redirects after a change (post, redirect, get); {@code done} names the confirmation the next
   * page shows ({@code ?fait=}), read back from a fixed list of messages.
   */
  static void redirect(String path, String done) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String target = external.getRequestContextPath() + path;
    if (done != null) {
      target +=
          (path.contains("?") ? "&" : "?")
              + "fait="
              + java.net.URLEncoder.encode(done, java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      external.redirect(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The confirmation a page shows after a redirect, if the parameter names a known one. */
  static String done(String prefix) {
    String done =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("fait");
    if (done == null || !done.matches("[A-Za-z_]{1,30}")) {
      return null;
    }
    String text = FamilyMessages.get(prefix + done);
    return text.equals(prefix + done) ? null : text;
  }

  static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String day(LocalDate d, Locale locale) {
    return d == null
        ? ""
        : DateTimeFormatter.ofPattern(
                "en".equals(locale.getLanguage()) ? "EEEE d MMMM" : "EEEE d MMMM", locale)
            .format(d);
  }

  static String shortDate(LocalDate d, Locale locale) {
    return d == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy", locale).format(d);
  }

  static String until(ZonedDateTime t, Locale locale) {
    return t == null
        ? ""
        : DateTimeFormatter.ofPattern(
                "en".equals(locale.getLanguage()) ? "EEE d MMM, HH:mm" : "EEE d MMM à HH'h'mm",
                locale)
            .format(t);
  }

  static Long id(String text) {
    if (text == null || !text.strip().matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.valueOf(text.strip());
  }
}
