package fr.cite.platform.input;

/**
 * Which characters a text typed by a person may hold: no control characters (PostgreSQL refuses NUL
 * in {@code text}; the others are invisible and only ever come from tampering), except tab,
 * carriage return and line feed in texts of several lines.
 */
public final class PlainText {

  private PlainText() {}

  /** True when {@code text} holds a character it may not hold. */
  public static boolean hasForbiddenCharacters(String text, boolean multiline) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (forbidden(text.charAt(i), multiline)) {
        return true;
      }
    }
    return false;
  }

  /** C0 controls and DEL, but tab, CR and LF where several lines are allowed. */
  public static boolean forbidden(int c, boolean multiline) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return !multiline;
    }
    return c < 0x20 || c == 0x7f;
  }
}
