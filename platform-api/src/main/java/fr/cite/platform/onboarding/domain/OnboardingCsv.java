package fr.cite.platform.onboarding.domain;

import fr.cite.platform.communes.InseeCode;
import fr.cite.platform.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CSV of towns to onboard: one INSEE code per line, optionally followed by the e-mail of
 * the town's first administrator; separated by {@code ;}, {@code ,} or a tab; UTF-8 (a byte-order
 * mark is allowed); an optional header line; blank lines and lines starting with {@code #} ignored.
 *
 * <p>A file that cannot be read as such a list (not text, too large, no line) is refused as a
 * whole, so that nothing is written. A line that is wrong on its own (malformed code, bad e-mail, a
 * code given twice, too many columns) is kept as a refused line with its reason; the others go on.
 */
public final class OnboardingCsv {

  /** Larger than the whole official list written with e-mails. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  public static final int MAX_LINES = 40_000;

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private static final Pattern SEPARATOR = Pattern.compile("[;,\t]");

  /** A line read from the file. */
  public sealed interface Line {
    int lineNo();

    String raw();
  }

  /** A line to process. */
  public record Accepted(int lineNo, String raw, String inseeCode, String adminEmail)
      implements Line {}

  /** A line refused on its own, with a problem code and its arguments. */
  public record Refused(int lineNo, String raw, String problemCode, List<Object> args)
      implements Line {}

  private OnboardingCsv() {}

  public static List<Line> read(byte[] content) {
    if (content == null || content.length == 0) {
      throw ProblemException.unprocessable("csv-empty");
    }
    if (content.length > MAX_BYTES) {
      throw ProblemException.unprocessable("csv-too-large", MAX_BYTES / (1024 * 1024));
    }
    String text = decode(content);
    String[] physical = text.split("\r\n|\n|\r", -1);
    List<Line> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean first = true;
    for (int i = 0; i < physical.length; i++) {
      String raw = physical[i].strip();
      if (raw.isEmpty() || raw.startsWith("#")) {
        continue;
      }
      int lineNo = i + 1;
      if (first) {
        first = false;
        if (isHeader(raw)) {
          continue;
        }
      }
      if (lines.size() == MAX_LINES) {
        throw ProblemException.unprocessable("csv-too-many-lines", MAX_LINES);
      }
      lines.add(line(lineNo, raw, seen));
    }
    if (lines.isEmpty()) {
      throw ProblemException.unprocessable("csv-empty");
    }
    return lines;
  }

  private static Line line(int lineNo, String raw, Map<String, Integer> seen) {
    String[] cells = SEPARATOR.split(raw, -1);
    List<String> values = new ArrayList<>();
    for (String c : cells) {
      values.add(unquote(c.strip()));
    }
    while (values.size() > 1 && values.get(values.size() - 1).isEmpty()) {
      values.remove(values.size() - 1);
    }
    if (values.size() > 2) {
      return new Refused(lineNo, raw, "csv-bad-columns", List.of(lineNo, values.size()));
    }
    String code = InseeCode.normalise(values.get(0));
    if (code.matches("\\d{4}")) {
      // A spreadsheet drops the leading zero of Ain's to Ardèche's codes (01001 becomes 1001).
      code = "0" + code;
    }
    if (!InseeCode.isWellFormed(code)) {
      return new Refused(lineNo, raw, "malformed-insee-code", List.of(values.get(0)));
    }
    String email = values.size() == 2 ? values.get(1).toLowerCase(Locale.ROOT) : null;
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      return new Refused(lineNo, raw, "csv-bad-email", List.of(lineNo, values.get(1)));
    }
    Integer firstSeen = seen.putIfAbsent(code, lineNo);
    if (firstSeen != null) {
      return new Refused(lineNo, raw, "csv-duplicate-line", List.of(code, firstSeen));
    }
    return new Accepted(lineNo, raw, code, email);
  }

  private static boolean isHeader(String raw) {
    String firstCell = unquote(SEPARATOR.split(raw, -1)[0].strip());
    return !firstCell.isEmpty()
        && Character.isLetter(firstCell.charAt(0))
        && !InseeCode.isWellFormed(InseeCode.normalise(firstCell));
  }

  private static String unquote(String cell) {
    if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
      return cell.substring(1, cell.length() - 1).replace("\"\"", "\"").strip();
    }
    return cell;
  }

  private static String decode(byte[] content) {
    int start = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xef
        && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf) {
      start = 3;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content, start, content.length - start))
              .toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.unprocessable("csv-not-text");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        throw ProblemException.unprocessable("csv-not-text");
      }
    }
    return text;
  }
}
