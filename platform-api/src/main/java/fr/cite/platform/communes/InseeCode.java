package fr.cite.platform.communes;

import java.util.regex.Pattern;

/** Syntax of INSEE commune codes: five digits, or 2A/2B and three digits for Corsica. */
public final class InseeCode {

  private static final Pattern SYNTAX = Pattern.compile("(\\d{5}|2[AB]\\d{3})");

  private InseeCode() {}

  /** Upper-cases and trims what an operator typed; {@code null} stays {@code null}. */
  public static String normalise(String raw) {
    return raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
  }

  public static boolean isWellFormed(String code) {
    return code != null && SYNTAX.matcher(code).matches();
  }
}
