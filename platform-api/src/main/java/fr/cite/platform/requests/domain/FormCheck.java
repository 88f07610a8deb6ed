package fr.cite.platform.requests.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks what a citizen (or an agent filing for one) sent against a request type's form, on the
 * server: the browser's checks are only comfort. Unknown fields are dropped; every field's values
 * are trimmed; each problem names the field and a message key of the problems bundle ({@code
 * validation.*}) with its arguments. A draft is checked for shape only (lengths, formats), not for
 * required fields.
 */
public final class FormCheck {

  /** Longest text a field may hold when its schema says nothing. */
  public static final int DEFAULT_MAX_LENGTH = 2000;

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()-]{6,25}");

  /** A problem with one field. */
  public record Violation(String field, String key, List<Object> args) {}

  /** The data to keep (known fields, trimmed, blank ones left out) and the problems found. */
  public record Result(Map<String, List<String>> data, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  private FormCheck() {}

  /**
   * @param values what was sent, by field name (several values for multiple choices)
   * @param files how many files were sent (or are already attached) per file field
   * @param draft true to check shape only
   */
  public static Result check(
      FormSchema schema,
      Map<String, List<String>> values,
      Map<String, Integer> files,
      boolean draft,
      LocalDate today) {
    Map<String, List<String>> data = new LinkedHashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (FormSchema.Field f : schema.fields()) {
      List<String> given =
          values.getOrDefault(f.name(), List.of()).stream()
              .filter(v -> v != null && !v.isBlank())
              .map(String::strip)
              .toList();
      if (f.type() == FieldType.FILE) {
        if (!draft && f.required() && files.getOrDefault(f.name(), 0) == 0) {
          violations.add(new Violation(f.name(), "validation.required", List.of()));
        }
        continue;
      }
      if (f.type() == FieldType.CHECKBOX) {
        boolean checked = given.stream().anyMatch(v -> v.equals("true") || v.equals("on"));
        if (!draft && f.required() && !checked) {
          violations.add(new Violation(f.name(), "validation.required", List.of()));
        }
        if (checked) {
          data.put(f.name(), List.of("true"));
        }
        continue;
      }
      if (given.isEmpty()) {
        if (!draft && f.required()) {
          violations.add(new Violation(f.name(), "validation.required", List.of()));
        }
        continue;
      }
      if (f.type() != FieldType.MULTI_CHOICE && given.size() > 1) {
        given = List.of(given.get(0));
      }
      Violation v = checkValues(f, given, today);
      if (v != null) {
        violations.add(v);
      }
      data.put(f.name(), given);
    }
    return new Result(data, violations);
  }

  private static Violation checkValues(FormSchema.Field f, List<String> values, LocalDate today) {
    int maxLength =
        f.maxLength() != null
            ? f.maxLength()
            : f.type() == FieldType.LONG_TEXT
                ? 5000
                : f.type() == FieldType.TEXT ? 300 : DEFAULT_MAX_LENGTH;
    for (String value : values) {
      if (fr.cite.platform.input.PlainText.hasForbiddenCharacters(
          value, f.type() == FieldType.LONG_TEXT)) {
        return new Violation(f.name(), "validation.control-characters", List.of());
      }
      if (value.length() > maxLength) {
        return new Violation(f.name(), "validation.too-long", List.of(maxLength));
      }
      switch (f.type()) {
        case NUMBER -> {
          BigDecimal n;
          try {
            n = new BigDecimal(value.replace(',', '.').replace(" ", ""));
          } catch (NumberFormatException e) {
            return new Violation(f.name(), "validation.number", List.of());
          }
          if ((f.min() != null && n.doubleValue() < f.min())
              || (f.max() != null && n.doubleValue() > f.max())) {
            return range(f);
          }
        }
        case DATE -> {
          LocalDate d;
          try {
            d = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            return new Violation(f.name(), "validation.date", List.of());
          }
          // For dates, min and max count days from today (-365: a year ago at most).
          if ((f.min() != null && d.isBefore(today.plusDays(f.min().longValue())))
              || (f.max() != null && d.isAfter(today.plusDays(f.max().longValue())))) {
            return new Violation(
                f.name(),
                "validation.date-range",
                List.of(
                    f.max() == null ? "" : today.plusDays(f.max().longValue()).toString(),
                    f.min() == null ? "" : today.plusDays(f.min().longValue()).toString()));
          }
        }
        case CHOICE, MULTI_CHOICE -> {
          if (f.option(value).isEmpty()) {
            return new Violation(f.name(), "validation.choice", List.of());
          }
        }
        case EMAIL -> {
          if (!EMAIL.matcher(value).matches()) {
            return new Violation(f.name(), "validation.email", List.of());
          }
        }
        case PHONE -> {
          if (!PHONE.matcher(value).matches()) {
            return new Violation(f.name(), "validation.phone", List.of());
          }
        }
        default -> {
          // text, long text, address: length and pattern only
        }
      }
      if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(value).matches()) {
        return new Violation(f.name(), "validation.pattern", List.of());
      }
    }
    return null;
  }

  private static Violation range(FormSchema.Field f) {
    return new Violation(
        f.name(),
        "validation.range",
        List.of(f.max() == null ? "∞" : trim(f.max()), f.min() == null ? "-∞" : trim(f.min())));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
