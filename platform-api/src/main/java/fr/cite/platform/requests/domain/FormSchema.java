package fr.cite.platform.requests.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of a request type: its fields in order, each with a kind, a label in French (and
 * English), whether it is required, and its limits (min/max for numbers and dates as numbers of
 * days from today, length, pattern, choices). Stored as JSON in {@code request_type.form_schema}.
 */
public record FormSchema(List<Field> fields) {

  /** Names are what the form data and attachments are keyed by. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,40}");

  /** One choice of a choice field. */
  public record Option(String value, LocalizedText label) {}

  /** One field. */
  public record Field(
      String name,
      FieldType type,
      LocalizedText label,
      LocalizedText help,
      boolean required,
      Double min,
      Double max,
      Integer maxLength,
      String pattern,
      List<Option> options) {

    public Field {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Invalid field name " + name);
      }
      if (type == null || label == null || label.fr() == null) {
        throw new IllegalArgumentException("Field " + name + " needs a type and a French label");
      }
      options = options == null ? List.of() : List.copyOf(options);
      if ((type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE) && options.isEmpty()) {
        throw new IllegalArgumentException("Choice field " + name + " needs options");
      }
      if (pattern != null) {
        Pattern.compile(pattern);
      }
    }

    /** The label in a language, French when the other is missing. */
    public String label(Locale locale) {
      return label.in(locale);
    }

    public Optional<Option> option(String value) {
      return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
  }

  public FormSchema {
    fields = List.copyOf(fields);
    long distinct = fields.stream().map(Field::name).distinct().count();
    if (distinct != fields.size()) {
      throw new IllegalArgumentException("Field names must be unique");
    }
  }

  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** An answer as people read it: the field's label and its values (choices by their label). */
  public record Answer(String field, String label, List<String> values) {
    public String text() {
      return String.join(", ", values);
    }
  }

  /** The answers of a request's data in a language, in the form's order (files left out). */
  public List<Answer> answers(java.util.Map<String, List<String>> data, Locale locale) {
    List<Answer> answers = new ArrayList<>();
    for (Field f : fields) {
      List<String> values = data.get(f.name());
      if (values == null || f.type() == FieldType.FILE) {
        continue;
      }
      answers.add(
          new Answer(
              f.name(),
              f.label(locale),
              values.stream()
                  .map(
                      v ->
                          f.type() == FieldType.CHECKBOX
                              ? ("en".equals(locale.getLanguage()) ? "Yes" : "Oui")
                              : f.option(v).map(o -> o.label().in(locale)).orElse(v))
                  .toList()));
    }
    return answers;
  }

  // ---- JSON

  public String toJson() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Field f : fields) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("name", f.name())
              .add("type", f.type().name())
              .add("label", text(f.label()))
              .add("required", f.required());
      if (f.help() != null) {
        o.add("help", text(f.help()));
      }
      if (f.min() != null) {
        o.add("min", f.min());
      }
      if (f.max() != null) {
        o.add("max", f.max());
      }
      if (f.maxLength() != null) {
        o.add("maxLength", f.maxLength());
      }
      if (f.pattern() != null) {
        o.add("pattern", f.pattern());
      }
      if (!f.options().isEmpty()) {
        JsonArrayBuilder options = Json.createArrayBuilder();
        f.options()
            .forEach(
                op ->
                    options.add(
                        Json.createObjectBuilder()
                            .add("value", op.value())
                            .add("label", text(op.label()))));
        o.add("options", options);
      }
      array.add(o);
    }
    return Json.createObjectBuilder().add("fields", array).build().toString();
  }

  public static FormSchema parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject root = reader.readObject();
      List<Field> fields = new ArrayList<>();
      for (JsonValue v : root.getJsonArray("fields")) {
        JsonObject o = v.asJsonObject();
        List<Option> options = new ArrayList<>();
        if (o.containsKey("options")) {
          for (JsonValue op : o.getJsonArray("options")) {
            JsonObject oo = op.asJsonObject();
            options.add(new Option(oo.getString("value"), text(oo.getJsonObject("label"))));
          }
        }
        fields.add(
            new Field(
                o.getString("name"),
                FieldType.valueOf(o.getString("type")),
                text(o.getJsonObject("label")),
                o.containsKey("help") ? text(o.getJsonObject("help")) : null,
                o.getBoolean("required", false),
                number(o, "min"),
                number(o, "max"),
                o.containsKey("maxLength") ? o.getInt("maxLength") : null,
                o.getString("pattern", null),
                options));
      }
      return new FormSchema(fields);
    }
  }

  private static Double number(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonNumber n ? n.doubleValue() : null;
  }

  private static JsonObject text(LocalizedText t) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("fr", t.fr());
    if (t.en() != null) {
      b.add("en", t.en());
    }
    return b.build();
  }

  private static LocalizedText text(JsonObject o) {
    return LocalizedText.of(o.getString("fr"), o.getString("en", null));
  }
}
