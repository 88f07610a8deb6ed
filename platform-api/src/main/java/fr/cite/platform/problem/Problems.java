package fr.cite.platform.problem;

import fr.cite.platform.i18n.Languages;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Builds problem bodies with titles and details in the caller's language (French by default). */
public final class Problems {

  private static final String BUNDLE = "fr.cite.platform.i18n.problems";

  private Problems() {}

  public static Problem of(
      int status, String code, Locale locale, String instance, Object... args) {
    return new Problem(
        "urn:cite:problem:" + code,
        message(code + ".title", locale),
        status,
        MessageFormat.format(message(code + ".detail", locale), args),
        instance,
        null,
        null);
  }

  public static Problem withErrors(Problem p, List<Problem.FieldError> errors) {
    return new Problem(p.type(), p.title(), p.status(), p.detail(), p.instance(), errors, null);
  }

  public static Problem withIncident(Problem p, String incident) {
    return new Problem(p.type(), p.title(), p.status(), p.detail(), p.instance(), null, incident);
  }

  public static String message(String key, Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            Languages.supported(locale),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
