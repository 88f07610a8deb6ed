package fr.cite.platform.i18n;

import java.util.Locale;

/**
 * A text a town writes in French and may translate into English. French is the reference: an
 * English reader sees the French text where no translation exists.
 */
public record LocalizedText(String fr, String en) {

  public static LocalizedText of(String fr, String en) {
    return new LocalizedText(fr, en == null || en.isBlank() ? null : en);
  }

  /** The text in a language ({@code "fr"}, {@code "en"}), French when not translated. */
  public String in(String language) {
    return "en".equals(language) && en != null ? en : fr;
  }

  public String in(Locale locale) {
    return in(locale.getLanguage());
  }

  /** The language the text is actually shown in, for a {@code lang} attribute. */
  public String languageShownFor(String language) {
    return "en".equals(language) && en != null ? "en" : "fr";
  }
}
