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
 * that every changeset of the master changelog is applied.
 */
@ApplicationScoped
public class HealthChecks {

  @Resource(lookup = "java:jboss/datasources/CiteDS")
  DataSource dataSource;

  @Inject SchemaMigrator migrator;

  /** One check and its outcome. */
  public record Check(String name, String status, Map<String, Object> data) {}

  /** Overall status and the checks behind it. */
  public record Health(String status, List<Check> checks) {

    public boolean up() {
      return "UP".equals(status);
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
    return new Health(up ? "UP" : "DOWN", List.of(database, migrations));
  }
}
