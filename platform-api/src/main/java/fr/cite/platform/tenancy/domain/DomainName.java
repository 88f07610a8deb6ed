package fr.cite.platform.tenancy.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A custom domain name as a town types it ({@code Démarches.Ville-Exemple.fr.}): normalised to its
 * lower-case ASCII form ({@code xn--…} for accented labels), or refused when it is not a public
 * host name (an IP address, a single label, a label too long, a non-alphabetic top-level domain).
 */
public final class DomainName {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");

  private DomainName() {}

  /** The normalised name, or empty when it is not an acceptable host name. */
  public static Optional<String> normalise(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String s = typed.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("http://") || s.startsWith("https://")) {
      s = s.substring(s.indexOf("://") + 3);
      int slash = s.indexOf('/');
      if (slash >= 0) {
        s = s.substring(0, slash);
      }
    }
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty() || s.length() > 253) {
      return Optional.empty();
    }
    try {
      s = IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] labels = s.split("\\.", -1);
    if (labels.length < 2 || s.length() > 253) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(s);
  }
}
