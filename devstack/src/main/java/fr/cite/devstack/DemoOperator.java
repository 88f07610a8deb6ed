package fr.cite.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform operator's account in the local Keycloak, so that the provider console can be tried
 * from {@code ./run.sh}: e-mail {@code operateur@cite.localhost} (the realm signs in by e-mail),
 * realm role {@code platform-operator}, password generated once in the data folder. Created through
 * Keycloak's admin REST API, idempotently.
 */
final class DemoOperator {

  static final String USERNAME = "operateur";
  static final String EMAIL = "operateur@cite.localhost";

  private DemoOperator() {}

  static void ensure(String keycloakUrl, String adminPassword, String password)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String token = adminToken(http, keycloakUrl, adminPassword);
    String realm = keycloakUrl + "/admin/realms/cite";
    String id = ensureUser(http, realm, token, USERNAME, EMAIL, "Opératrice", "Cité", password);
    String role = send(http, get(realm + "/roles/platform-operator", token)).body();
    String roleId = firstId("[" + role + "]");
    HttpResponse<String> mapped =
        send(
            http,
            json(realm + "/users/" + id + "/role-mappings/realm", token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"id\":\"" + roleId + "\",\"name\":\"platform-operator\"}]"))
                .build());
    if (mapped.statusCode() / 100 != 2) {
      throw new IllegalStateException("Giving the demo operator its role failed: " + mapped.body());
    }
  }

  /** A demo account of the realm (created unless present); returns its id, the subject. */
  static String account(
      String keycloakUrl,
      String adminPassword,
      String username,
      String email,
      String firstName,
      String lastName,
      String password)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String token = adminToken(http, keycloakUrl, adminPassword);
    return ensureUser(
        http,
        keycloakUrl + "/admin/realms/cite",
        token,
        username,
        email,
        firstName,
        lastName,
        password);
  }

  private static String ensureUser(
      HttpClient http,
      String realm,
      String token,
      String username,
      String email,
      String firstName,
      String lastName,
      String password)
      throws IOException, InterruptedException {
    String found = send(http, get(realm + "/users?exact=true&email=" + email, token)).body();
    String id = firstId(found);
    if (id != null) {
      return id;
    }
    HttpResponse<String> created =
        send(
            http,
            json(realm + "/users", token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + username
                            + "\",\"email\":\""
                            + email
                            + "\",\"firstName\":\""
                            + firstName
                            + "\",\"lastName\":\""
                            + lastName
                            + "\",\"enabled\":true,\"emailVerified\":true,\"credentials\":[{"
                            + "\"type\":\"password\",\"temporary\":false,\"value\":\""
                            + password
                            + "\"}]}"))
                .build());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "Creating the demo account " + email + " failed: " + created.body());
    }
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String adminToken(HttpClient http, String keycloakUrl, String adminPassword)
      throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        send(
            http,
            HttpRequest.newBuilder(
                    URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("No admin token from Keycloak: " + r.statusCode());
    }
    return m.group(1);
  }

  private static String firstId(String jsonArray) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(jsonArray);
    return m.find() ? m.group(1) : null;
  }

  private static HttpRequest get(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  private static HttpRequest.Builder json(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
