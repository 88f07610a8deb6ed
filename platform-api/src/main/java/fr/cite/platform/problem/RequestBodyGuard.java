package fr.cite.platform.problem;

import fr.cite.platform.input.PlainText;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Every request body of the API, before any endpoint reads it: refused with 413 when larger than
 * the endpoint's {@link BodyLimit} (from its {@code Content-Length} at once, or as soon as a
 * chunked body passes the limit, never read whole), and with 400 when a JSON body escapes control
 * characters into its strings ({@code "\u0000"}; PostgreSQL refuses NUL in text, and the others are
 * never typed by a person). Tab, CR and LF pass: long texts have lines.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyGuard implements ContainerRequestFilter, ReaderInterceptor {

  /** Bodies without files: 64 KB. */
  public static final int DEFAULT_LIMIT = 64 * BodyLimit.KB;

  private static final String LIMIT_ATTRIBUTE = RequestBodyGuard.class.getName() + ".limit";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    int limit = limit();
    request.setProperty(LIMIT_ATTRIBUTE, limit);
    if (request.getLength() > limit) {
      throw new ProblemException(413, "body-too-large", String.valueOf(limit));
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object limitProperty = context.getProperty(LIMIT_ATTRIBUTE);
    int limit = limitProperty instanceof Integer i ? i : limit();
    byte[] body = readAtMost(context.getInputStream(), limit);
    if (isJson(context.getMediaType())) {
      checkWellFormed(body);
      if (escapesControlCharacters(body)) {
        throw ProblemException.badRequest("control-characters");
      }
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /** No body of the API nests deeper; 2,000 levels are an attack on the parser, not a request. */
  static final int MAX_DEPTH = 64;

  /**
   * Reads the JSON text once with the streaming parser before any binder does: not well-formed, or
   * nested deeper than {@link #MAX_DEPTH}, it is a 400 {@code malformed-json}, whichever binder the
   * endpoint uses and however it would have reported it. An empty body is left to the endpoint (a
   * required body is then a 400 naming it).
   */
  static void checkWellFormed(byte[] body) {
    if (body.length == 0) {
      return;
    }
    try (jakarta.json.stream.JsonParser parser =
        jakarta.json.Json.createParser(new ByteArrayInputStream(body))) {
      int depth = 0;
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw ProblemException.badRequest("malformed-json");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {
            // values and keys
          }
        }
      }
    } catch (jakarta.json.JsonException | java.util.NoSuchElementException e) {
      throw ProblemException.badRequest("malformed-json");
    }
  }

  private int limit() {
    Method m = resource == null ? null : resource.getResourceMethod();
    BodyLimit l = m == null ? null : m.getAnnotation(BodyLimit.class);
    return l == null ? DEFAULT_LIMIT : l.value();
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > limit) {
        throw new ProblemException(413, "body-too-large", String.valueOf(limit));
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().endsWith("+json"));
  }

  /**
   * True when a JSON text holds an escape {@code \\uXXXX} of a control character outside of an
   * escaped backslash (so {@code "\\\\u0000"}, the six characters {@code \u0000}, passes). Raw
   * control characters inside strings are not JSON: the parser refuses them on its own.
   */
  static boolean escapesControlCharacters(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      if (json[i] != '\\') {
        continue;
      }
      if (i + 1 < json.length && json[i + 1] == 'u' && i + 5 < json.length) {
        int code = hex(json, i + 2);
        if (code >= 0 && PlainText.forbidden(code, true)) {
          return true;
        }
      }
      i++; // the escaped character, whatever it is, is not the start of another escape
    }
    return false;
  }

  private static int hex(byte[] b, int from) {
    int v = 0;
    for (int k = from; k < from + 4; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
