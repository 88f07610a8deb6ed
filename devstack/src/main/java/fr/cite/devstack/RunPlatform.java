package fr.cite.devstack;

import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run.sh}: the whole platform on this machine. Starts PostgreSQL (embedded, unless {@code
 * CITE_DB_URL} points to one), the provisioned WildFly with cite.ear, onboards the demo towns if
 * absent, prints their addresses, and stops everything on Ctrl-C. Data live in {@code .cite-data/}
 * (or {@code CITE_DATA_DIR}) and survive restarts.
 */
public final class RunPlatform {

  /**
   * A demo town: INSEE code, name, the slug the official list gives it, colours, emblem variant.
   */
  record DemoTown(
      String inseeCode, String name, String slug, String primary, String secondary, int variant) {}

  static final List<DemoTown> DEMO_TOWNS =
      List.of(
          new DemoTown("76351", "Le Havre", "le-havre", "#12355b", "#d1495b", 0),
          new DemoTown("33281", "Mérignac", "merignac", "#00594f", "#e0a100", 1));

  private RunPlatform() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Path root = Path.of(System.getProperty("cite.root", ".")).toAbsolutePath().normalize();
    // The demo's own API calls address towns by their Host header on 127.0.0.1.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    Path data = Path.of(env("CITE_DATA_DIR", root.resolve(".cite-data").toString()));
    int httpPort = Integer.parseInt(env("CITE_HTTP_PORT", "8080"));
    String baseDomain = env("CITE_BASE_DOMAIN", "localhost");
    String token = operatorToken(data);

    Map<String, String> serverEnv = new HashMap<>();
    serverEnv.put("CITE_OPERATOR_TOKEN", token);
    serverEnv.put("CITE_BASE_DOMAIN", baseDomain);
    serverEnv.put("CITE_PUBLIC_PORT", httpPort == 80 ? "" : Integer.toString(httpPort));

    MailCatcher mails = null;
    String smtpHost = System.getenv("CITE_SMTP_HOST");
    String smtpPort = System.getenv("CITE_SMTP_PORT");
    if (smtpHost == null) {
      int port = Integer.parseInt(env("CITE_MAIL_CATCHER_PORT", "2525"));
      mails = MailCatcher.start(port, data.resolve("logs/mail.log"));
      say(
          "Catching e-mails on SMTP port "
              + port
              + " (written to "
              + data.resolve("logs/mail.log")
              + ")");
      smtpHost = "localhost";
      smtpPort = Integer.toString(port);
    }
    serverEnv.put("CITE_SMTP_HOST", smtpHost);
    serverEnv.put("CITE_SMTP_PORT", smtpPort == null ? "25" : smtpPort);
    serverEnv.put("CITE_KEYCLOAK_PORTAL_SECRET", secret(data, "keycloak-portal-secret"));
    serverEnv.put("CITE_KEYCLOAK_PLATFORM_SECRET", secret(data, "keycloak-platform-secret"));

    EmbeddedDatabase db = null;
    if (System.getenv("CITE_DB_URL") == null) {
      int pgPort = Integer.parseInt(env("CITE_PG_PORT", "55432"));
      DatabaseRoles.Settings roles = DatabaseRoles.Settings.fromEnvironment("");
      say("Starting PostgreSQL on port " + pgPort + " (data in " + data.resolve("postgres") + ")");
      db = EmbeddedDatabase.start(data.resolve("postgres"), pgPort, roles);
      serverEnv.put("CITE_DB_URL", db.serverUrl() + roles.database());
      serverEnv.put("CITE_DB_OWNER_USER", roles.ownerUser());
      serverEnv.put("CITE_DB_OWNER_PASSWORD", roles.ownerPassword());
      serverEnv.put("CITE_DB_APP_USER", roles.appUser());
      serverEnv.put("CITE_DB_APP_PASSWORD", roles.appPassword());
    } else {
      say("Using the database at " + System.getenv("CITE_DB_URL"));
    }

    KeycloakServer keycloak = null;
    if (System.getenv("CITE_KEYCLOAK_URL") == null) {
      if (db == null) {
        throw new IllegalStateException(
            "With CITE_DB_URL set, also set CITE_KEYCLOAK_URL (and its secrets) to an existing Keycloak");
      }
      int kcPort = Integer.parseInt(env("CITE_KEYCLOAK_PORT", "8180"));
      String kcDbPassword = secret(data, "keycloak-db-password");
      db.ensureOwnedDatabase("keycloak", "keycloak", kcDbPassword);
      Path kcHome = Path.of(env("CITE_KEYCLOAK_HOME", data.resolve("keycloak").toString()));
      say("Starting Keycloak on port " + kcPort + " (first start builds it once, ~10 s)");
      keycloak =
          KeycloakServer.start(
              new KeycloakServer.Settings(
                  root.resolve("devstack/target/keycloak/keycloak-dist.zip"),
                  kcHome,
                  kcPort,
                  kcPort + 1,
                  db.serverUrl() + "keycloak",
                  "keycloak",
                  kcDbPassword,
                  secret(data, "keycloak-admin-password"),
                  root.resolve("wildfly-config/src/main/keycloak/cite-realm.json"),
                  Map.of(
                      "CITE_KEYCLOAK_PORTAL_SECRET", serverEnv.get("CITE_KEYCLOAK_PORTAL_SECRET"),
                      "CITE_KEYCLOAK_PLATFORM_SECRET",
                          serverEnv.get("CITE_KEYCLOAK_PLATFORM_SECRET"),
                      "CITE_KEYCLOAK_OPERATOR_CLI_SECRET",
                          secret(data, "keycloak-operator-cli-secret"),
                      "CITE_KEYCLOAK_SMTP_HOST", serverEnv.get("CITE_SMTP_HOST"),
                      "CITE_KEYCLOAK_SMTP_PORT", serverEnv.get("CITE_SMTP_PORT")),
                  data.resolve("logs/keycloak-console.log")),
              Duration.ofMinutes(5));
      serverEnv.put("CITE_KEYCLOAK_URL", keycloak.url());
    } else {
      say("Using the Keycloak at " + System.getenv("CITE_KEYCLOAK_URL"));
      serverEnv.put("CITE_KEYCLOAK_URL", System.getenv("CITE_KEYCLOAK_URL"));
    }

    fr.cite.devstack.stripe.StripeDouble stripe = null;
    if (System.getenv("CITE_STRIPE_SECRET_KEY") == null) {
      // No real Stripe key: a local Stripe (its Connect onboarding and Checkout pages, and the
      // webhooks they send, signed like Stripe's) so that an invoice can be paid end to end.
      int stripePort = Integer.parseInt(env("CITE_STRIPE_DOUBLE_PORT", "12111"));
      String webhookSecret = secret(data, "stripe-webhook-secret");
      stripe =
          new fr.cite.devstack.stripe.StripeDouble(
              stripePort,
              "http://localhost:" + httpPort + "/api/v1/payments/stripe/webhook",
              null,
              webhookSecret);
      serverEnv.put("CITE_STRIPE_SECRET_KEY", "sk_test_local_double");
      serverEnv.put("CITE_STRIPE_API_BASE", stripe.baseUrl());
      serverEnv.put("CITE_STRIPE_WEBHOOK_SECRETS", webhookSecret);
      say(
          "Local Stripe double on "
              + stripe.baseUrl()
              + " (real keys in CITE_STRIPE_SECRET_KEY turn it off)");
    } else {
      serverEnv.put("CITE_STRIPE_SECRET_KEY", System.getenv("CITE_STRIPE_SECRET_KEY"));
      serverEnv.put("CITE_STRIPE_WEBHOOK_SECRETS", env("CITE_STRIPE_WEBHOOK_SECRETS", ""));
    }

    Path serverDir =
        Path.of(env("CITE_SERVER_DIR", root.resolve("wildfly-config/target/server").toString()));
    Path consoleLog = data.resolve("logs/wildfly-console.log");
    say("Starting WildFly on port " + httpPort + " (console output in " + consoleLog + ")");
    final EmbeddedDatabase database = db;
    final KeycloakServer identity = keycloak;
    final MailCatcher catcher = mails;
    Processes running = new Processes(null, identity, database, catcher);
    try {
      running.server =
          WildFlyServer.start(serverDir, httpPort, serverEnv, consoleLog, Duration.ofMinutes(5));
    } catch (RuntimeException | IOException e) {
      running.stopAll();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(running::stopAll));

    String platform = "http://localhost" + (httpPort == 80 ? "" : ":" + httpPort);
    HttpClient http = HttpClient.newHttpClient();
    StringBuilder banner = new StringBuilder();
    for (DemoTown town : DEMO_TOWNS) {
      String slug = onboard(http, platform, token, town);
      banner.append(
          String.format("  %-10s http://%s.%s:%d/%n", town.name(), slug, baseDomain, httpPort));
    }
    String operator = "";
    if (keycloak != null) {
      String operatorPassword = secret(data, "operator-password");
      DemoOperator.ensure(
          keycloak.url(), secret(data, "keycloak-admin-password"), operatorPassword);
      operator =
          String.format(
              "  %-10s %s/admin/ (%s / %s)%n",
              "Provider", platform, DemoOperator.EMAIL, operatorPassword);
      if (db != null) {
        operator += demoFamily(keycloak.url(), data, db, baseDomain, httpPort);
      }
    }
    say(
        String.format(
            "Cité is running (ready in %d s).%n  %-10s %s/%n%s%s  %-10s %s/admin/ (admin / %s)%n"
                + "  Provider API token: %s%n  Logs: %s%nPress Ctrl-C to stop.",
            (System.nanoTime() - t0) / 1_000_000_000L,
            "Platform",
            platform,
            banner,
            operator,
            "Keycloak",
            serverEnv.get("CITE_KEYCLOAK_URL"),
            keycloak == null ? "…" : secret(data, "keycloak-admin-password"),
            token,
            consoleLog.getParent()));
    running.supervise(
        () ->
            WildFlyServer.start(serverDir, httpPort, serverEnv, consoleLog, Duration.ofMinutes(5)),
        mailPort(smtpHost, mails, data));
  }

  private static MailCatcherStarter mailPort(String smtpHost, MailCatcher mails, Path data) {
    if (mails == null) {
      return null;
    }
    int port = Integer.parseInt(env("CITE_MAIL_CATCHER_PORT", "2525"));
    return () -> MailCatcher.start(port, data.resolve("logs/mail.log"));
  }

  /** Starts WildFly again. */
  interface WildFlyStarter {
    WildFlyServer start() throws IOException, InterruptedException;
  }

  /** Starts the mail catcher again. */
  interface MailCatcherStarter {
    MailCatcher start() throws IOException;
  }

  /**
   * The processes of the local platform, watched every two seconds: one that dies (PostgreSQL
   * killed, Keycloak or WildFly crashed, the mail catcher stopped) is said so and started again
   * with its data; Ctrl-C stops them all, and nothing is restarted then.
   */
  static final class Processes {
    private volatile WildFlyServer server;
    private volatile KeycloakServer identity;
    private final EmbeddedDatabase database;
    private volatile MailCatcher catcher;
    private volatile boolean stopping;

    Processes(
        WildFlyServer server,
        KeycloakServer identity,
        EmbeddedDatabase database,
        MailCatcher catcher) {
      this.server = server;
      this.identity = identity;
      this.database = database;
      this.catcher = catcher;
    }

    void supervise(WildFlyStarter wildFly, MailCatcherStarter mail) throws InterruptedException {
      while (!stopping) {
        Thread.sleep(2_000);
        if (stopping) {
          return;
        }
        try {
          if (database != null && !database.isRunning()) {
            say("PostgreSQL stopped unexpectedly: starting it again (its data are kept)…");
            database.restart();
            say("PostgreSQL is running again.");
          }
          if (identity != null && !identity.isAlive()) {
            say("Keycloak stopped unexpectedly: starting it again…");
            identity = KeycloakServer.start(identity.settings(), Duration.ofMinutes(5));
            say("Keycloak is running again.");
          }
          if (catcher != null && mail != null && !catcher.isAlive()) {
            say("The mail catcher stopped unexpectedly: starting it again…");
            catcher.close();
            catcher = mail.start();
          }
          if (!server.isAlive()) {
            say("WildFly stopped unexpectedly: starting it again…");
            server = wildFly.start();
            say("WildFly is running again.");
          }
        } catch (IOException | RuntimeException e) {
          System.err.println("[cite] Could not restart a process (trying again): " + e);
        }
      }
    }

    void stopAll() {
      stopping = true;
      say("Stopping WildFly, Keycloak and PostgreSQL…");
      try {
        if (server != null) {
          server.close();
        }
        if (identity != null) {
          identity.close();
        }
        if (database != null) {
          database.close();
        }
        if (catcher != null) {
          catcher.close();
        }
      } catch (Exception e) {
        System.err.println("While stopping: " + e);
      }
      say("Stopped.");
    }
  }

  /**
   * Le Havre's family space with a demo parent, an agent and an activity staff member (their
   * passwords kept in the data directory like the operator's); returns the banner's lines.
   */
  static String demoFamily(
      String keycloakUrl, Path data, EmbeddedDatabase db, String baseDomain, int httpPort)
      throws IOException, InterruptedException {
    String admin = secret(data, "keycloak-admin-password");
    String parentPassword = secret(data, "parent-password");
    String agentPassword = secret(data, "agent-password");
    String staffPassword = secret(data, "animateur-password");
    DemoFamily.Accounts accounts =
        new DemoFamily.Accounts(
            DemoOperator.account(
                keycloakUrl,
                admin,
                "parent",
                "parent@cite.localhost",
                "Camille",
                "Martin",
                parentPassword),
            DemoOperator.account(
                keycloakUrl,
                admin,
                "agent",
                "agent@cite.localhost",
                "Alex",
                "Agent",
                agentPassword),
            DemoOperator.account(
                keycloakUrl,
                admin,
                "animateur",
                "animateur@cite.localhost",
                "Sam",
                "Animateur",
                staffPassword));
    DatabaseRoles.Settings roles = DatabaseRoles.Settings.fromEnvironment("");
    try {
      if (DemoFamily.seed(
          db.serverUrl() + roles.database(),
          roles.ownerUser(),
          roles.ownerPassword(),
          "le-havre",
          "76351",
          accounts)) {
        say(
            "Demo family space of Le Havre written (activities, sessions, a household, crèche list)");
      }
    } catch (java.sql.SQLException e) {
      say("The demo family space could not be written: " + e.getMessage());
    }
    String financePassword = secret(data, "regisseur-password");
    String financeSubject =
        DemoOperator.account(
            keycloakUrl,
            admin,
            "regisseur",
            DemoBilling.EMAIL,
            "Dominique",
            "Lefèvre",
            financePassword);
    try {
      boolean fresh =
          DemoBilling.prepare(
              db.serverUrl() + roles.database(),
              roles.ownerUser(),
              roles.ownerPassword(),
              "le-havre",
              financeSubject);
      if (fresh) {
        String token =
            DemoSignIn.accessToken(
                keycloakUrl,
                "http://localhost:" + httpPort,
                DemoBilling.EMAIL,
                financePassword,
                secret(data, "keycloak-portal-secret"));
        String outcome =
            DemoBilling.billLastMonth(
                "http://127.0.0.1:" + httpPort, "le-havre." + baseDomain + ":" + httpPort, token);
        say("Demo billing of last month: " + outcome);
      }
    } catch (java.sql.SQLException | IOException | RuntimeException e) {
      // The platform runs without it: the régisseur can still bill last month from the console.
      say("The demo billing could not be prepared: " + e.getMessage());
    }
    String roadsPassword = secret(data, "voirie-password");
    try {
      String roadsSubject =
          DemoOperator.account(
              keycloakUrl, admin, "voirie", DemoIncidents.EMAIL, "Yann", "Voirie", roadsPassword);
      if (DemoIncidents.prepare(
          db.serverUrl() + roles.database(),
          roles.ownerUser(),
          roles.ownerPassword(),
          "le-havre",
          roadsSubject)) {
        String token =
            DemoSignIn.accessToken(
                keycloakUrl,
                "http://localhost:" + httpPort,
                DemoIncidents.EMAIL,
                roadsPassword,
                secret(data, "keycloak-portal-secret"));
        say(
            "Demo incident reports of Le Havre: "
                + DemoIncidents.seed(
                    "http://127.0.0.1:" + httpPort,
                    "localhost:" + httpPort,
                    "le-havre." + baseDomain + ":" + httpPort,
                    operatorToken(data),
                    token));
      }
    } catch (java.sql.SQLException | IOException | RuntimeException e) {
      say("The demo incident reports could not be set up: " + e.getMessage());
    }
    String town = "http://le-havre." + baseDomain + ":" + httpPort;
    return String.format(
        "  %-10s %s/compte/famille/ (parent@cite.localhost / %s)%n"
            + "  %-10s %s/admin/desk/family/ (agent@cite.localhost / %s)%n"
            + "  %-10s %s/admin/desk/family/register.xhtml (animateur@cite.localhost / %s)%n"
            + "  %-10s %s/admin/desk/billing/ (%s / %s)%n"
            + "  %-10s %s/signalements/ ; agents: %s/admin/desk/incidents/ (%s / %s)%n",
        "Parent",
        town,
        parentPassword,
        "Agent",
        town,
        agentPassword,
        "Animateur",
        town,
        staffPassword,
        "Régisseur",
        town,
        DemoBilling.EMAIL,
        financePassword,
        "Voirie",
        town,
        town,
        DemoIncidents.EMAIL,
        roadsPassword);
  }

  /** Onboards a demo town unless present, gives it colours and an emblem; returns its slug. */
  static String onboard(HttpClient http, String platform, String token, DemoTown town)
      throws IOException, InterruptedException {
    HttpResponse<String> created =
        http.send(
            request(platform + "/api/v1/platform/towns", token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"inseeCode\":\"" + town.inseeCode() + "\",\"status\":\"LIVE\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() == 409) {
      say("Demo town " + town.name() + " already onboarded");
      // Completes what an earlier run could not (for instance its Keycloak organization).
      send(
          http,
          request(platform + "/api/v1/platform/towns/" + town.slug() + "/provisioning", token)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build());
    } else if (created.statusCode() != 201) {
      throw new IllegalStateException("Onboarding " + town.name() + " failed: " + created.body());
    }
    String slug = town.slug();
    if (created.statusCode() == 201) {
      say("Onboarded demo town " + town.name() + " as " + slug);
      send(
          http,
          request(platform + "/api/v1/platform/towns/" + slug + "/branding", token)
              .header("Content-Type", "application/json")
              .PUT(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"primaryColor\":\""
                          + town.primary()
                          + "\",\"secondaryColor\":\""
                          + town.secondary()
                          + "\"}"))
              .build());
      byte[] emblem =
          DemoEmblem.png(
              Color.decode(town.primary()), Color.decode(town.secondary()), town.variant());
      send(
          http,
          request(platform + "/api/v1/platform/towns/" + slug + "/logo", token)
              .header("Content-Type", "image/png")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(emblem))
              .build());
    }
    return slug;
  }

  private static void send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          request.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static HttpRequest.Builder request(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  /** The operator token: CITE_OPERATOR_TOKEN, or one generated once and kept in the data folder. */
  static String operatorToken(Path data) throws IOException {
    String fromEnv = System.getenv("CITE_OPERATOR_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    return secret(data, "operator-token");
  }

  /** A random secret generated on first use and kept in the data folder, so restarts reuse it. */
  static String secret(Path data, String name) throws IOException {
    Path file = data.resolve(name);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Files.createDirectories(data);
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    return token;
  }

  private static String env(String key, String dflt) {
    return DatabaseRoles.env(key, dflt);
  }

  private static void say(String line) {
    System.out.println("[cite] " + line);
  }
}
