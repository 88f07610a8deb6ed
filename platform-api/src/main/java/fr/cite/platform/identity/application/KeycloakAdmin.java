package fr.cite.platform.identity.application;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A small client of Keycloak's Admin REST API with the platform's service account (client
 * credentials). JSON is handled as JSON-P trees, so that a read-modify-write of a representation
 * keeps every field Keycloak sent, including those this code does not know.
 *
 * <p>Why not {@code keycloak-admin-client}: inside WildFly its responses are read by the
 * deployment's JSON-B provider instead of Jackson, so every {@code @JsonProperty} field (the access
 * token first) comes back empty; forcing Jackson would also switch this application's own API.
 */
final class KeycloakAdmin {

  /** A non-2xx answer from Keycloak. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final String baseUrl;
  private final String realm;
  private final String clientId;
  private final String clientSecret;
  private String token;
  private Instant tokenExpiry = Instant.EPOCH;

  KeycloakAdmin(String baseUrl, String realm, String clientId, String clientSecret) {
    this.baseUrl = baseUrl;
    this.realm = realm;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** GET on {@code /admin/realms/<realm><path>}. */
  JsonStructure get(String path) throws IOException, InterruptedException {
    return parse(send(admin(path).GET()));
  }

  /** POST a JSON body; returns the Location header (id of what was created), or null. */
  String post(String path, JsonObject body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(admin(path).header("Content-Type", "application/json").POST(of(body)));
    return r.headers().firstValue("Location").orElse(null);
  }

  void put(String path, JsonObject body) throws IOException, InterruptedException {
    send(admin(path).header("Content-Type", "application/json").PUT(of(body)));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder admin(String path) throws IOException, InterruptedException {
    return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token());
  }

  private synchronized String token() throws IOException, InterruptedException {
    if (token == null || Instant.now().isAfter(tokenExpiry)) {
      String form =
          "grant_type=client_credentials&client_id="
              + encode(clientId)
              + "&client_secret="
              + encode(clientSecret);
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(
                      URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form)));
      JsonObject json = (JsonObject) parse(r);
      token = json.getString("access_token");
      tokenExpiry = Instant.now().plusSeconds(Math.max(10, json.getInt("expires_in", 60) - 15));
    }
    return token;
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 401) {
      synchronized (this) {
        token = null;
      }
    }
    if (r.statusCode() / 100 != 2) {
      throw new Refused(
          r.statusCode(),
          r.request().method()
              + " "
              + r.uri().getPath()
              + " answered "
              + r.statusCode()
              + (r.body().isBlank()
                  ? ""
                  : ": " + r.body().substring(0, Math.min(200, r.body().length()))));
    }
    return r;
  }

  private static HttpRequest.BodyPublisher of(JsonObject body) {
    return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
  }

  private static JsonStructure parse(HttpResponse<String> r) {
    if (r.body() == null || r.body().isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.read();
    }
  }

  static JsonArray array(JsonStructure s) {
    return s instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
  }
}
