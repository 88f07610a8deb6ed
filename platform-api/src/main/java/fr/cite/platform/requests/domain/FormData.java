package fr.cite.platform.requests.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request's form data as stored: a JSON object of field name to a string or list of strings. */
public final class FormData {

  private FormData() {}

  public static String toJson(Map<String, List<String>> data) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    data.forEach(
        (k, v) -> {
          if (v.size() == 1) {
            o.add(k, v.get(0));
          } else {
            JsonArrayBuilder a = Json.createArrayBuilder();
            v.forEach(a::add);
            o.add(k, a);
          }
        });
    return o.build().toString();
  }

  public static Map<String, List<String>> parse(String json) {
    Map<String, List<String>> data = new LinkedHashMap<>();
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      for (var e : o.entrySet()) {
        JsonValue v = e.getValue();
        if (v instanceof JsonString s) {
          data.put(e.getKey(), List.of(s.getString()));
        } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
          data.put(
              e.getKey(),
              v.asJsonArray().getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList());
        }
      }
    }
    return data;
  }
}
