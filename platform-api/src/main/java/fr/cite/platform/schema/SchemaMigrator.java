package fr.cite.platform.schema;

import fr.cite.platform.config.CiteConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jboss.logging.Logger;

/**
 * Applies the Liquibase master changelog when the application deploys, before any page or API call
 * uses JPA. Runs as the owning role (datasource {@code CiteMigrationDS}); the application role is
 * given its rights by the changesets themselves. Liquibase's lock table serialises several nodes.
 */
@ApplicationScoped
public class SchemaMigrator {

  public static final String MASTER_CHANGELOG = "db/changelog/master.xml";

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

  @Resource(lookup = "java:jboss/datasources/CiteMigrationDS")
  DataSource ownerDataSource;

  @Inject CiteConfig config;

  private volatile int expectedChangeSets = -1;

  /** Brings the schema up to date; does nothing if this deployment already did. */
  public synchronized void migrate() {
    if (expectedChangeSets >= 0) {
      return;
    }
    Instant start = Instant.now();
    try (Connection connection = ownerDataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      @SuppressWarnings("deprecation")
      Liquibase liquibase =
          new Liquibase(
              MASTER_CHANGELOG,
              new ClassLoaderResourceAccessor(getClass().getClassLoader()),
              database);
      liquibase.setChangeLogParameter("appRole", config.databaseAppRole());
      liquibase.update(new Contexts(), new LabelExpression());
      expectedChangeSets = liquibase.getDatabaseChangeLog().getChangeSets().size();
      LOG.infof(
          "Database schema up to date (%d changesets) in %d ms",
          expectedChangeSets, Duration.between(start, Instant.now()).toMillis());
    } catch (Exception e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }

  /** Number of changesets in the master changelog, or -1 before a successful migration. */
  public int expectedChangeSets() {
    return expectedChangeSets;
  }
}
