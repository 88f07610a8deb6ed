package fr.cite.portal.family;

import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The portal's messages ({@code msg} in pages) for the family beans, in the reader's language as
 * the host resolved it (the view's locale is only set when the page renders, after actions run).
 */
final class FamilyMessages {

  private FamilyMessages() {}

  static String get(String key) {
    Locale locale = CDI.current().select(RequestHost.class).get().locale();
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "fr.cite.portal.i18n.messages",
            "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    return bundle.containsKey(key) ? bundle.getString(key) : key;
  }
}
