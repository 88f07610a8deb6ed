package fr.cite.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP to the server under test with any {@code Host}: requests go to 127.0.0.1 and name the host
 * in the header, as a browser resolving {@code *.localhost} would.
 */
public final class Http {

  public static final String TOKEN = "it-operator-token";
  public static final String PLATFORM = "localhost";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Http() {}

  public static int port() {
    return 8080 + Integer.parseInt(System.getProperty("cite.test.port.offset", "1000"));
  }

  /**
   * A client for the server's HTTPS listener, whose certificate is self-signed: trusts any
   * certificate, speaks HTTP/1.1 (under HTTP/2 the {@code Host} header would be replaced).
   */
  public static HttpClient httpsTrustingAnyCertificate() {
    try {
      javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
      trustAll.init(
          null,
          new javax.net.ssl.TrustManager[] {
            new javax.net.ssl.X509TrustManager() {
              @Override
              public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
              }
            }
          },
          null);
      return HttpClient.newBuilder()
          .sslContext(trustAll)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A town's platform host for a slug. */
  public static String hostOf(String slug) {
    return slug + ".localhost";
  }

  public static Response get(String host, String path, String... headers) {
    return send(request(host, path, headers).GET().build());
  }

  /**
   * The town colours a page uses: its {@code /theme.css} stylesheet (pages carry no inline style,
   * see the Content-Security-Policy).
   */
  public static String themeCss(String host, String path) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("href=\"(/theme\\.css\\?v=[^\"]+)\"")
            .matcher(get(host, path).body());
    if (!m.find()) {
      throw new AssertionError("No theme stylesheet on " + host + path);
    }
    return get(host, m.group(1)).body();
  }

  public static Response postJson(String host, String path, String json, String... headers) {
    return send(host, path, "application/json", json.getBytes(UTF_8), "POST", headers);
  }

  public static Response putJson(String host, String path, String json, String... headers) {
    return send(host, path, "application/json", json.getBytes(UTF_8), "PUT", headers);
  }

  public static Response putBytes(
      String host, String path, String contentType, byte[] body, String... headers) {
    return send(host, path, contentType, body, "PUT", headers);
  }

  public static Response send(
      String host, String path, String contentType, byte[] body, String method, String... headers) {
    return send(
        request(host, path, headers)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /**
   * Headers that authenticate as a platform operator. Waits once for Keycloak: until the server has
   * reached it, WildFly's OIDC layer answers 500 to any bearer token (ELY23015), whatever the order
   * in which test classes run.
   */
  public static String[] operator(String... more) {
    TestKeycloak.awaitReady();
    String[] h = new String[more.length + 2];
    h[0] = "Authorization";
    h[1] = "Bearer " + TOKEN;
    System.arraycopy(more, 0, h, 2, more.length);
    return h;
  }

  private static HttpRequest.Builder request(String host, String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Host", host + ":" + port());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response, with helpers for JSON and problem bodies. */
  public record Response(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

    public String body() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.read();
      }
    }

    @Override
    public String toString() {
      return status + " " + body();
    }
  }
}
