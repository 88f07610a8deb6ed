package fr.cite.platform.communes;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a commune name into a host label: lower case ASCII letters, digits and single hyphens.
 * {@code L'Haÿ-les-Roses} becomes {@code l-hay-les-roses}, {@code Œuilly} becomes {@code oeuilly}.
 */
public final class Slugs {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGES = Pattern.compile("(^-+|-+$)");

  /** Longest slug, so that {@code <slug>.<base domain>} stays a valid DNS label (63 octets). */
  public static final int MAX_LENGTH = 63;

  private Slugs() {}

  public static String fold(String name) {
    String s =
        name.replace("Œ", "Oe")
            .replace("œ", "oe")
            .replace("Æ", "Ae")
            .replace("æ", "ae")
            .replace("ß", "ss");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
    s = EDGES.matcher(s).replaceAll("");
    if (s.length() > MAX_LENGTH) {
      s = EDGES.matcher(s.substring(0, MAX_LENGTH)).replaceAll("");
    }
    return s;
  }

  /** True when the value could be a slug: what {@link #fold} produces. */
  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX_LENGTH && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
  }
}
