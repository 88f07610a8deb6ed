package fr.cite.platform.catalogue.domain;

import java.util.regex.Pattern;

/** URL names of catalogue entries: lower-case letters, digits and single hyphens. */
public final class Slug {

  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Slug() {}

  public static boolean isValid(String value) {
    return value != null && value.length() <= 120 && VALID.matcher(value).matches();
  }

  public static String require(String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException("Not a valid slug: " + value);
    }
    return value;
  }
}
