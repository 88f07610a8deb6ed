package fr.cite.platform.requests.api;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.Requests;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON bodies of the requests API (form values of any shape, files in base 64). */
final class RequestBodies {

  private RequestBodies() {}

  static Map<String, List<String>> values(JsonObject body) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    JsonObject v =
        body.containsKey("values") && body.get("values") instanceof JsonObject o
            ? o
            : JsonValue.EMPTY_JSON_OBJECT;
    for (var e : v.entrySet()) {
      JsonValue value = e.getValue();
      switch (value.getValueType()) {
        case STRING -> values.put(e.getKey(), List.of(((JsonString) value).getString()));
        case NUMBER, TRUE, FALSE -> values.put(e.getKey(), List.of(value.toString()));
        case ARRAY ->
            values.put(
                e.getKey(),
                ((JsonArray) value)
                    .stream()
                        .map(x -> x instanceof JsonString s ? s.getString() : x.toString())
                        .toList());
        default -> {
          // null: no answer
        }
      }
    }
    return values;
  }

  static List<Requests.Upload> files(JsonObject body) {
    List<Requests.Upload> uploads = new ArrayList<>();
    if (!(body.get("files") instanceof JsonArray files)) {
      return uploads;
    }
    for (JsonValue f : files) {
      if (!(f instanceof JsonObject o)) {
        throw ProblemException.badRequest("bad-parameter", "files", "[{field, fileName, content}]");
      }
      byte[] content;
      try {
        content = Base64.getDecoder().decode(o.getString("content", ""));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("bad-parameter", "files.content", "base64");
      }
      uploads.add(
          new Requests.Upload(
              o.getString("field", null), o.getString("fileName", "fichier"), content));
    }
    return uploads;
  }

  static String string(JsonObject body, String key) {
    JsonValue v = body.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }

  static JsonObject object(JsonObject body, String key) {
    JsonValue v = body.get(key);
    return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
  }
}
