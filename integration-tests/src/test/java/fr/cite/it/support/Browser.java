package fr.cite.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP "browser" for protocol-level tests of sign-in: follows redirects across the portal
 * and Keycloak, keeps cookies per host as a browser would (host-only), and submits forms found in
 * pages. Every host is reached on 127.0.0.1, named in the Host header, like {@code *.localhost}.
 */
public final class Browser {

  /** The page the browser ended on. */
  public record Page(URI uri, int status, String body) {

    /** The action URL of the first form whose tag contains {@code marker}. */
    public String formAction(String marker) {
      Matcher m =
          Pattern.compile("<form[^>]*" + Pattern.quote(marker) + "[^>]*>", Pattern.DOTALL)
              .matcher(body);
      if (!m.find()) {
        throw new AssertionError("No form with " + marker + " on " + uri + ":\n" + body);
      }
      Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(m.group());
      if (!action.find()) {
        throw new AssertionError("Form without action on " + uri);
      }
      return uri.resolve(action.group(1).replace("&amp;", "&")).toString();
    }

    /** The target of the first link whose href contains {@code fragment}. */
    public String link(String fragment) {
      Matcher m =
          Pattern.compile("href=\"([^\"]*" + Pattern.quote(fragment) + "[^\"]*)\"").matcher(body);
      if (!m.find()) {
        throw new AssertionError("No link to " + fragment + " on " + uri + ":\n" + body);
      }
      return uri.resolve(m.group(1).replace("&amp;", "&")).toString();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Cookies per host, keyed by name and path (both WARs set a JSESSIONID, on / and /admin). */
  private final Map<String, Map<String, HttpCookie>> cookies = new HashMap<>();

  /** Every Set-Cookie header received, per host, as sent by the server. */
  private final Map<String, java.util.List<String>> setCookieHeaders = new HashMap<>();

  /** The raw Set-Cookie headers a host sent, in order. */
  public java.util.List<String> setCookieHeaders(String host) {
    return java.util.List.copyOf(setCookieHeaders.getOrDefault(host, java.util.List.of()));
  }

  /** Plants a cookie, as an attacker fixing a session id would. */
  public void plantCookie(String host, String name, String value) {
    HttpCookie c = new HttpCookie(name, value);
    c.setPath("/");
    cookies.computeIfAbsent(host, h -> new HashMap<>()).put(name + "|/", c);
  }

  public Page get(String url) {
    return follow(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
  }

  public Page post(String url, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return follow(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)),
        URI.create(url));
  }

  /** Cookies this browser would send to a host for the portal (path /), by name. */
  public Map<String, String> cookiesOf(String host) {
    return cookiesFor(host, "/");
  }

  private Map<String, String> cookiesFor(String host, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    cookies.getOrDefault(host, Map.of()).values().stream()
        .filter(c -> path.startsWith(c.getPath() == null ? "/" : c.getPath()))
        .sorted((x, y) -> Integer.compare(pathOf(y).length(), pathOf(x).length()))
        .forEach(c -> out.putIfAbsent(c.getName(), c.getValue()));
    return out;
  }

  private static String pathOf(HttpCookie c) {
    return c.getPath() == null ? "/" : c.getPath();
  }

  public static Map<String, String> fields(String... nameValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      m.put(nameValues[i], nameValues[i + 1]);
    }
    return m;
  }

  private Page follow(HttpRequest.Builder first, URI uri) {
    HttpRequest.Builder request = first;
    for (int hops = 0; hops < 15; hops++) {
      HttpResponse<String> r = send(request, uri);
      int s = r.statusCode();
      if (s == 301 || s == 302 || s == 303 || s == 307) {
        uri = uri.resolve(r.headers().firstValue("Location").orElseThrow());
        request = HttpRequest.newBuilder(uri).GET();
        continue;
      }
      return new Page(uri, s, r.body());
    }
    throw new AssertionError("Too many redirects from " + uri);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    URI direct =
        URI.create(
            "http://127.0.0.1:"
                + port
                + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    HttpRequest.Builder b = request.copy().uri(direct).header("Host", uri.getHost() + ":" + port);
    Map<String, String> jar =
        cookiesFor(
            uri.getHost(),
            uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (!jar.isEmpty()) {
      b.header(
          "Cookie",
          jar.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      for (String header : r.headers().allValues("Set-Cookie")) {
        setCookieHeaders
            .computeIfAbsent(uri.getHost(), h -> new java.util.ArrayList<>())
            .add(header);
        store(uri.getHost(), header);
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void store(String host, String header) {
    List<HttpCookie> parsed;
    try {
      parsed = HttpCookie.parse(header);
    } catch (IllegalArgumentException e) {
      return;
    }
    Map<String, HttpCookie> jar = cookies.computeIfAbsent(host, h -> new HashMap<>());
    for (HttpCookie c : parsed) {
      String key = c.getName() + "|" + pathOf(c);
      if (c.getMaxAge() == 0
          || c.getValue() == null
          || c.getValue().isEmpty()
          || c.getValue().equals("\"\"")) {
        jar.remove(key);
      } else {
        jar.put(key, c);
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
