package fr.cite.platform.requests.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Human-friendly request references, per town and year ({@code LH-2026-000123}: the town's
 * initials, the year, a number), and the secret tracking codes of requests filed without an account
 * (12 characters of Crockford's base 32, 60 random bits, shown as {@code ABCD-EFGH-JKMN}; only a
 * hash is stored).
 */
public final class References {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> SHORT_WORDS =
      Set.of("de", "des", "du", "d", "et", "sur", "en", "l", "a", "aux");

  private References() {}

  /**
   * Initials of the town's slug: le-havre → LH, saint-martin-de-re → SMR, merignac → ME. The
   * department number that tells homonyms apart (saint-clair-46) is not a word: SC.
   */
  public static String prefix(String slug) {
    List<String> words =
        List.of(slug.split("-")).stream()
            .filter(w -> !w.isEmpty() && !SHORT_WORDS.contains(w))
            .filter(w -> Character.isLetter(w.charAt(0)))
            .toList();
    if (words.isEmpty()) {
      words = List.of(slug.replace("-", ""));
    }
    String p;
    if (words.size() == 1) {
      String w = words.get(0).replaceAll("[^a-z0-9]", "");
      p = w.length() >= 2 ? w.substring(0, 2) : (w + "x");
    } else {
      StringBuilder b = new StringBuilder();
      for (String w : words) {
        if (b.length() < 3) {
          b.append(w.charAt(0));
        }
      }
      p = b.toString();
    }
    return p.toUpperCase(Locale.ROOT);
  }

  public static String format(String prefix, int year, int number) {
    return String.format(Locale.ROOT, "%s-%d-%06d", prefix, year, number);
  }

  /** A new tracking code, grouped by four. */
  public static String newTrackingCode() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  /**
   * The stored form of a tracking code, bound to its request's reference. Spaces, dashes and case
   * are ignored, and the letters Crockford reads as digits (O, I, L) are read so.
   */
  public static String hash(String reference, String code) {
    String normalised =
        code.toUpperCase(Locale.ROOT)
            .replaceAll("[\\s-]", "")
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((reference + ":" + normalised).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
