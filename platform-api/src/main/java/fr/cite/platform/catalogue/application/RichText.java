package fr.cite.platform.catalogue.application;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Sanitises the rich text a town writes (procedure bodies) before it is stored: paragraphs, lists,
 * emphasis, headings and links survive; scripts, styles, event handlers, images and unknown
 * protocols do not. Links leaving the site open without giving it access to the opener.
 */
public final class RichText {

  private static final Safelist ALLOWED =
      Safelist.basic()
          .addTags("h2", "h3", "h4")
          .removeTags("img")
          .addEnforcedAttribute("a", "rel", "noopener noreferrer");

  private RichText() {}

  /** Safe HTML, or null when nothing is left of the input. */
  public static String sanitise(String html) {
    if (html == null || html.isBlank()) {
      return null;
    }
    Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
    String clean = Jsoup.clean(html, "", ALLOWED, settings).strip();
    return clean.isEmpty() ? null : clean;
  }
}
