package fr.cite.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a body that failed to parse or bind, whichever layer reports it (JSON-P's
 * parser, JSON-B's binding, the JAX-RS provider around them): not well-formed JSON is {@code
 * malformed-json}; JSON of the wrong shape names the field when the binder says which ({@code
 * malformed-field}), else {@code malformed-body}. Always 400, never a 500.
 */
final class BodyFailures {

  /** Yasson names the property it failed on: "Unable to deserialize property 'values' …". */
  private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]{1,60})'");

  private BodyFailures() {}

  static Response response(Throwable e, HttpHeaders headers, UriInfo uri) {
    Locale locale = ProblemResponses.locale(headers);
    String instance = ProblemResponses.instance(uri);
    ProblemException wrapped = problemIn(e);
    if (wrapped != null) {
      return ProblemResponses.response(
          Problems.of(wrapped.status(), wrapped.code(), locale, instance, wrapped.args()));
    }
    if (notWellFormed(e)) {
      return ProblemResponses.response(Problems.of(400, "malformed-json", locale, instance));
    }
    String field = field(e);
    if (field != null) {
      return ProblemResponses.response(
          Problems.withErrors(
              Problems.of(400, "malformed-field", locale, instance, field),
              java.util.List.of(
                  new Problem.FieldError(field, Problems.message("validation.type", locale)))));
    }
    return ProblemResponses.response(Problems.of(400, "malformed-body", locale, instance));
  }

  private static ProblemException problemIn(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ProblemException p) {
        return p;
      }
    }
    return null;
  }

  private static boolean notWellFormed(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof JsonParsingException
          || (c instanceof jakarta.json.JsonException && !(c instanceof JsonbException))
          || c instanceof java.io.EOFException) {
        return true;
      }
    }
    return false;
  }

  private static String field(Throwable e) {
    String found = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        Matcher m = PROPERTY.matcher(c.getMessage());
        while (m.find()) {
          found = found == null ? m.group(1) : found;
        }
      }
    }
    return found;
  }
}
