package fr.cite.platform.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Cité speaks: French first, English available. */
public final class Languages {

  public static final Locale FRENCH = Locale.FRENCH;
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);

  /** Request attribute holding the reader's language, set first thing by the tenant filter. */
  public static final String REQUEST_ATTRIBUTE = "fr.cite.platform.i18n.locale";

  private Languages() {}

  /** The supported language closest to the given one; French when in doubt. */
  public static Locale supported(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
  }

  /** Parses a language tag such as {@code en}, {@code fr-FR}; French when absent or unknown. */
  public static Locale fromTag(String tag) {
    return tag == null || tag.isBlank() ? FRENCH : supported(Locale.forLanguageTag(tag.strip()));
  }

  /**
   * The preferred supported language of an {@code Accept-Language} header, honouring weights;
   * French when the header is absent or names neither language.
   */
  public static Locale fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return FRENCH;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String lang = range.getRange().split("-")[0];
        if (lang.equals("fr")) {
          return FRENCH;
        }
        if (lang.equals("en")) {
          return ENGLISH;
        }
      }
    } catch (IllegalArgumentException e) {
      return FRENCH;
    }
    return FRENCH;
  }
}
