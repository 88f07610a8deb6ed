package fr.cite.platform.input;

import fr.cite.platform.i18n.Languages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * Default validator of every input of the portal and the consoles (declared in their faces-config):
 * a text holding control characters is refused with a message next to the field, before anything
 * reaches the database. Line breaks and tabs are accepted (text areas).
 */
public class PlainTextValidator implements Validator<Object> {

  public static final String ID = "cite.plainText";

  @Override
  public void validate(FacesContext context, UIComponent component, Object value) {
    if (value instanceof String s && PlainText.hasForbiddenCharacters(s, true)) {
      Object reader = context.getExternalContext().getRequestMap().get(Languages.REQUEST_ATTRIBUTE);
      java.util.Locale locale =
          reader instanceof java.util.Locale l ? l : context.getViewRoot().getLocale();
      String text =
          java.util.ResourceBundle.getBundle(
                  "fr.cite.platform.i18n.problems",
                  Languages.supported(locale),
                  java.util.ResourceBundle.Control.getNoFallbackControl(
                      java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
              .getString("validation.control-characters");
      throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
  }
}
