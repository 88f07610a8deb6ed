package fr.cite.platform.health;

import fr.cite.platform.schema.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Health for load balancers and orchestrators (served under {@code /health} on every host): live
 * says the process answers; ready also checks that the database answers as the application role and
 * that every changeset of the master changelog is applied (DOWN otherwise, 503), and reports the
 * identity provider and the mail server as DEGRADED (still 200) when they do not answer.
 */
@ApplicationScoped
public class HealthChecks {

  @Resource(lookup = "java:jboss/datasources/CiteDS")
  DataSource dataSource;

  @Inject SchemaMigrator migrator;

  @Inject fr.cite.platform.identity.application.IdentityAvailability identity;

  @Inject fr.cite.platform.config.CiteConfig config;

  private volatile long mailCheckedAt;
  private volatile boolean mailAnswered = true;

  /** One check and its outcome. */
  public record Check(String name, String status, Map<String, Object> data) {}

  /** Overall status and the checks behind it. */
  public record Health(String status, List<Check> checks) {

    /** Ready to serve: UP, or DEGRADED (what depends on a degraded check waits, the rest works). */
    public boolean up() {
      return !"DOWN".equals(status);
    }
  }

  public Health live() {
    return new Health("UP", List.of());
  }

  public Health ready() {
    Check database;
    Check migrations;
    int expected = migrator.expectedChangeSets();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select count(*) from databasechangelog")) {
      s.setQueryTimeout(2);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long applied = rs.getLong(1);
        database = new Check("database", "UP", Map.of());
        boolean upToDate = expected >= 0 && applied >= expected;
        migrations =
            new Check(
                "migrations",
                upToDate ? "UP" : "DOWN",
                Map.of("applied", applied, "expected", expected));
      }
    } catch (Exception e) {
      database = new Check("database", "DOWN", Map.of("error", e.getClass().getSimpleName()));
      migrations = new Check("migrations", "UNKNOWN", Map.of("expected", expected));
    }
    boolean up = "UP".equals(database.status()) && "UP".equals(migrations.status());
    Check signIn =
        config.keycloakUrl().isEmpty()
            ? new Check("identity", "DEGRADED", Map.of("reason", "CITE_KEYCLOAK_URL not set"))
            : new Check(
                "identity",
                identity.isAvailable() ? "UP" : "DEGRADED",
                Map.of("url", config.keycloakUrl().get()));
    Check mail = mail();
    boolean degraded = !"UP".equals(signIn.status()) || !"UP".equals(mail.status());
    return new Health(
        up ? (degraded ? "DEGRADED" : "UP") : "DOWN", List.of(database, migrations, signIn, mail));
  }

  /**
   * The SMTP server answers a connection (checked at most every 10 s): when it does not, e-mails
   * wait in WildFly's mail session retries and the platform works on, so it is degraded, not down.
   */
  private Check mail() {
    if ("log".equals(fr.cite.platform.config.CiteConfig.lookup("cite.mail.mode").orElse("smtp"))) {
      return new Check("mail", "UP", Map.of("mode", "log"));
    }
    String host = fr.cite.platform.config.CiteConfig.lookup("cite.smtp.host").orElse("localhost");
    int port =
        Integer.parseInt(fr.cite.platform.config.CiteConfig.lookup("cite.smtp.port").orElse("25"));
    long now = System.currentTimeMillis();
    if (now - mailCheckedAt > 10_000) {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(host, port), 1_000);
        mailAnswered = true;
      } catch (java.io.IOException e) {
        mailAnswered = false;
      }
      mailCheckedAt = now;
    }
    return new Check("mail", mailAnswered ? "UP" : "DEGRADED", Map.of("server", host + ":" + port));
  }
}
