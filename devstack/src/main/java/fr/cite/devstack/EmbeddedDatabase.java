package fr.cite.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL server (binaries from Maven Central) in a directory of our choosing, with the
 * roles and database of Cité. Data survive restarts when the directory is kept.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * Starts PostgreSQL on {@code port} with data in {@code dataDir} (created if absent, reused
   * otherwise) and makes sure Cité's roles and database exist.
   */
  public static EmbeddedDatabase start(Path dataDir, int port, DatabaseRoles.Settings roles)
      throws IOException, SQLException {
    Files.createDirectories(dataDir.getParent());
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "128MB")
            .setServerConfig("fsync", "on")
            .start();
    EmbeddedDatabase db = new EmbeddedDatabase(pg, port);
    DatabaseRoles.ensure(db.serverUrl() + "postgres", "postgres", db.serverUrl(), roles);
    return db;
  }

  /** Creates (if absent) a database owned by a role of its own, such as Keycloak's. */
  public void ensureOwnedDatabase(String database, String owner, String password)
      throws SQLException {
    DatabaseRoles.ensureOwnedDatabase(
        serverUrl() + "postgres", "postgres", database, owner, password);
  }

  /** {@code jdbc:postgresql://localhost:<port>/}, to which a database name is appended. */
  public String serverUrl() {
    return "jdbc:postgresql://localhost:" + port + "/";
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
