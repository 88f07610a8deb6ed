package fr.cite.admin.web;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.problem.Problems;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/** Messages the consoles' pages show: from their bundle, or a problem's detail in a language. */
public final class ConsoleMessages {

  private ConsoleMessages() {}

  /** A confirmation from the bundle, followed by an optional detail. */
  public static void info(String key, String detail) {
    add(FacesMessage.SEVERITY_INFO, (text(key) + " " + (detail == null ? "" : detail)).strip());
  }

  /** An error from the bundle; the request is marked as failed validation. */
  public static void error(String key) {
    FacesContext.getCurrentInstance().validationFailed();
    add(FacesMessage.SEVERITY_ERROR, text(key));
  }

  /** The detail of a refused operation, as the API would say it, in the reader's language. */
  public static void problem(ProblemException e, Locale locale) {
    FacesContext.getCurrentInstance().validationFailed();
    add(
        FacesMessage.SEVERITY_ERROR,
        Problems.of(e.status(), e.code(), locale, null, e.args()).detail());
  }

  public static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
