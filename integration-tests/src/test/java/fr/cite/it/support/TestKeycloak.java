package fr.cite.it.support;

import fr.cite.devstack.KeycloakServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak of the test run: built once into the module's target folder, started at the
 * beginning of the run in the background (WildFly boots meanwhile), with Cité's realm imported and
 * its data in the test PostgreSQL. Tests that need it call {@link #awaitReady()}; the outage test
 * stops and restarts it.
 */
public final class TestKeycloak {

  /** Secret of the realm's operator automation client in the test run. */
  public static final String OPERATOR_CLI_SECRET = "it-operator-cli-secret";

  private static CompletableFuture<KeycloakServer> server;
  private static KeycloakServer.Settings settings;

  private TestKeycloak() {}

  static synchronized void startInBackground(String jdbcUrl) {
    String port = System.getProperty("cite.test.kc.port");
    if (port == null || server != null) {
      return;
    }
    Path moduleTarget = Path.of(System.getProperty("cite.test.target", "target"));
    settings =
        new KeycloakServer.Settings(
            Path.of(System.getProperty("cite.keycloak.zip")),
            moduleTarget.resolve("keycloak"),
            Integer.parseInt(port),
            Integer.parseInt(System.getProperty("cite.test.kc.management.port")),
            jdbcUrl,
            "keycloak",
            "keycloak_test",
            "admin_test",
            Path.of(System.getProperty("cite.keycloak.realm")),
            Map.of(
                "CITE_KEYCLOAK_PORTAL_SECRET", System.getenv("CITE_KEYCLOAK_PORTAL_SECRET"),
                "CITE_KEYCLOAK_PLATFORM_SECRET", System.getenv("CITE_KEYCLOAK_PLATFORM_SECRET"),
                "CITE_KEYCLOAK_OPERATOR_CLI_SECRET", OPERATOR_CLI_SECRET,
                "CITE_KEYCLOAK_SMTP_HOST", "localhost",
                "CITE_KEYCLOAK_SMTP_PORT", System.getProperty("cite.test.smtp.port", "25")),
            moduleTarget.resolve("keycloak-console.log"));
    server = CompletableFuture.supplyAsync(TestKeycloak::startNow);
  }

  private static KeycloakServer startNow() {
    try {
      // A second realm plays an external identity provider (as FranceConnect would) for the
      // brokered sign-in test; Keycloak imports every realm file of data/import at first start.
      KeycloakServer.install(settings.distributionZip(), settings.home(), settings.consoleLog());
      Path imports = settings.home().resolve("data/import");
      java.nio.file.Files.createDirectories(imports);
      try (var sim =
          TestKeycloak.class.getResourceAsStream("/keycloak/franceconnect-sim-realm.json")) {
        java.nio.file.Files.copy(
            sim,
            imports.resolve("franceconnect-sim-realm.json"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return KeycloakServer.start(settings, Duration.ofMinutes(5));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until Keycloak answers; returns its base URL. */
  public static synchronized String awaitReady() {
    try {
      return server.get(5, TimeUnit.MINUTES).url();
    } catch (Exception e) {
      throw new IllegalStateException("Keycloak did not start, see " + settings.consoleLog(), e);
    }
  }

  /** Stops Keycloak, as an outage would. */
  public static synchronized void stop() throws InterruptedException {
    awaitReady();
    server.join().close();
  }

  /** Starts Keycloak again after {@link #stop()} and waits until it answers. */
  public static synchronized void restart() {
    server = CompletableFuture.completedFuture(startNow());
  }

  static synchronized void shutdown() {
    if (server != null) {
      try {
        server.get(5, TimeUnit.MINUTES).close();
      } catch (Exception e) {
        // the run is over anyway
      }
      server = null;
    }
  }

  /** An access token of a confidential client of the realm (client credentials grant). */
  public static String clientToken(String clientId, String secret) {
    String base = awaitReady();
    try {
      String form =
          "grant_type=client_credentials&client_id="
              + clientId
              + "&client_secret="
              + URLEncoder.encode(secret, StandardCharsets.UTF_8);
      HttpResponse<String> token =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(base + "/realms/cite/protocol/openid-connect/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return ((JsonObject) read(token.body())).getString("access_token");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Keycloak's own administrator (master realm), for setting up what the platform never does. */
  static String masterAdminToken() throws IOException, InterruptedException {
    HttpResponse<String> token =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(awaitReady() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password="
                                + settings.adminPassword()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return ((JsonObject) read(token.body())).getString("access_token");
  }

  /** POST a JSON body to the Admin REST API of realm cite, as Keycloak's administrator. */
  public static int adminPost(String path, String json) {
    String base = awaitReady();
    try {
      String accessToken = masterAdminToken();
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + "/admin/realms/cite" + path))
                  .header("Authorization", "Bearer " + accessToken)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates an account with the realm role {@code platform-operator}, as the provider's staff have,
   * and returns nothing: sign in with its e-mail and password.
   */
  public static void createOperator(String email, String password) {
    int created =
        adminPost(
            "/users",
            "{\"username\":\""
                + email
                + "\",\"email\":\""
                + email
                + "\",\"firstName\":\"Opératrice\",\"lastName\":\"Test\",\"enabled\":true,"
                + "\"emailVerified\":true,\"credentials\":[{\"type\":\"password\","
                + "\"temporary\":false,\"value\":\""
                + password
                + "\"}]}");
    if (created != 201) {
      throw new IllegalStateException("Creating operator " + email + " answered " + created);
    }
    String userId =
        adminAsMaster(
                "/users?exact=true&email="
                    + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))
            .asJsonArray()
            .getJsonObject(0)
            .getString("id");
    JsonObject role = adminAsMaster("/roles/platform-operator").asJsonObject();
    int mapped =
        adminPost(
            "/users/" + userId + "/role-mappings/realm",
            "[{\"id\":\"" + role.getString("id") + "\",\"name\":\"platform-operator\"}]");
    if (mapped / 100 != 2) {
      throw new IllegalStateException("Role mapping answered " + mapped);
    }
  }

  /** GET on the Admin REST API of realm cite, as Keycloak's administrator. */
  static JsonStructure adminAsMaster(String path) {
    return adminGet(path, () -> masterAdminToken());
  }

  /** GET on the Admin REST API of realm cite, as the platform's service account. */
  public static JsonStructure admin(String path) {
    return adminGet(
        path, () -> clientToken("cite-platform", System.getenv("CITE_KEYCLOAK_PLATFORM_SECRET")));
  }

  /** Where a token comes from. */
  private interface TokenSource {
    String get() throws IOException, InterruptedException;
  }

  private static JsonStructure adminGet(String path, TokenSource token) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(awaitReady() + "/admin/realms/cite" + path))
                      .header("Authorization", "Bearer " + token.get())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return read(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonStructure read(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
