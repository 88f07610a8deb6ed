package fr.cite.platform.tenancy.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A CSS colour as {@code #rrggbb}, lower case; safe to write into a style sheet. */
public record HexColor(String value) {

  private static final Pattern SYNTAX = Pattern.compile("#[0-9a-f]{6}");

  public HexColor {
    value = value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    if (value == null || !SYNTAX.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a #rrggbb colour: " + value);
    }
  }

  public static HexColor of(String value) {
    return new HexColor(value);
  }

  /** Relative luminance as defined by WCAG 2.1, from 0 (black) to 1 (white). */
  public double relativeLuminance() {
    int rgb = Integer.parseInt(value.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  /** WCAG 2.1 contrast ratio between two colours, from 1 to 21. */
  public double contrastWith(HexColor other) {
    double a = relativeLuminance();
    double b = other.relativeLuminance();
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** Black or white, whichever reads better on this colour. */
  public HexColor readableText() {
    HexColor white = new HexColor("#ffffff");
    HexColor black = new HexColor("#000000");
    return contrastWith(white) >= contrastWith(black) ? white : black;
  }

  /**
   * This colour, darkened just enough to reach a contrast ratio with a background (links and text
   * in the town's colour on a light page). Black in the worst case, which always reaches 4.5.
   */
  public HexColor readableOn(HexColor background, double ratio) {
    int rgb = Integer.parseInt(value.substring(1), 16);
    for (int step = 0; step <= 20; step++) {
      double f = 1 - step / 20.0;
      HexColor c =
          new HexColor(
              String.format(
                  "#%02x%02x%02x",
                  (int) Math.round(((rgb >> 16) & 0xff) * f),
                  (int) Math.round(((rgb >> 8) & 0xff) * f),
                  (int) Math.round((rgb & 0xff) * f)));
      if (c.contrastWith(background) >= ratio) {
        return c;
      }
    }
    return new HexColor("#000000");
  }

  private static double channel(int c) {
    double s = (c & 0xff) / 255.0;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  @Override
  public String toString() {
    return value;
  }
}
