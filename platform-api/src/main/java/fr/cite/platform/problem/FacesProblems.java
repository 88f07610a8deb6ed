package fr.cite.platform.problem;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.function.Function;

/**
 * A refused operation on a Faces page (portal or console): each field's problem as a message naming
 * the field as the form labels it, or the problem's detail, in the reader's language; the request
 * is marked as failed validation.
 */
public final class FacesProblems {

  private FacesProblems() {}

  public static void show(ProblemException e, Locale locale, Function<String, String> label) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.validationFailed();
    if (!e.fieldProblems().isEmpty()) {
      e.fieldProblems()
          .forEach(
              p ->
                  faces.addMessage(
                      null,
                      new FacesMessage(
                          FacesMessage.SEVERITY_ERROR,
                          label.apply(p.field()) + " : " + p.message(locale),
                          null)));
    } else {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              Problems.of(e.status(), e.code(), locale, null, e.args()).detail(),
              null));
    }
  }
}
