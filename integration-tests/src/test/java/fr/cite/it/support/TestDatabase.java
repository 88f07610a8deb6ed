package fr.cite.it.support;

import fr.cite.devstack.DatabaseRoles;
import fr.cite.devstack.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One real PostgreSQL for the whole test run (and Keycloak beside it, see {@link TestKeycloak}),
 * started before any test class (and so before Arquillian boots WildFly, which reads its address
 * from the environment Failsafe gives it), with Cité's two roles. A fresh data directory each run.
 */
public class TestDatabase implements LauncherSessionListener {

  private static EmbeddedDatabase database;
  private static DatabaseRoles.Settings roles;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty("cite.test.pg.port");
    if (port == null || database != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("cite-it-pg").resolve("data");
      roles = DatabaseRoles.Settings.fromEnvironment("_test");
      database = EmbeddedDatabase.start(dir, Integer.parseInt(port), roles);
      database.ensureOwnedDatabase("keycloak", "keycloak", "keycloak_test");
      TestMail.start();
      TestKeycloak.startInBackground(database.serverUrl() + "keycloak");
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the test PostgreSQL", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    TestKeycloak.shutdown();
    TestMail.stop();
    if (database != null) {
      try {
        database.close();
      } catch (IOException e) {
        // the JVM is ending anyway
      }
      database = null;
    }
  }

  /**
   * A connection as the superuser, which bypasses row-level security: for arranging and checking.
   */
  public static Connection asSuperuser() throws SQLException {
    return DriverManager.getConnection(database.serverUrl() + roles.database(), "postgres", "");
  }

  /** Stops PostgreSQL, as an outage would (the data stay). */
  public static void stop() throws java.io.IOException {
    database.stop();
  }

  /** Starts PostgreSQL again on the same data and port. */
  public static void start() throws java.io.IOException {
    database.restart();
  }

  /** Pauses every PostgreSQL process (SIGSTOP): a hung database, connections open. */
  public static void pause() throws Exception {
    database.signal("STOP");
  }

  /** Resumes a paused PostgreSQL (SIGCONT). */
  public static void resume() throws Exception {
    database.signal("CONT");
  }

  /** Kills every PostgreSQL process at once (SIGKILL), as a crash would. */
  public static void kill() throws Exception {
    database.signal("KILL");
  }

  public static boolean isRunning() {
    return database.isRunning();
  }

  /** A connection as the application role, subject to row-level security like the server. */
  public static Connection asApplication() throws SQLException {
    return DriverManager.getConnection(
        database.serverUrl() + roles.database(), roles.appUser(), roles.appPassword());
  }
}
