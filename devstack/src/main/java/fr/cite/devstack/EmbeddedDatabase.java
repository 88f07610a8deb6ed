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

  private volatile EmbeddedPostgres postgres;
  private final int port;
  private final Path dataDir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, int port, Path dataDir) {
    this.postgres = postgres;
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * Starts PostgreSQL on {@code port} with data in {@code dataDir} (created if absent, reused
   * otherwise) and makes sure Cité's roles and database exist.
   */
  public static EmbeddedDatabase start(Path dataDir, int port, DatabaseRoles.Settings roles)
      throws IOException, SQLException {
    Files.createDirectories(dataDir.getParent());
    EmbeddedDatabase db = new EmbeddedDatabase(launch(dataDir, port), port, dataDir);
    DatabaseRoles.ensure(db.serverUrl() + "postgres", "postgres", db.serverUrl(), roles);
    return db;
  }

  /**
   * Durable like a production server: zonky's defaults trade durability for speed ({@code fsync},
   * {@code synchronous_commit} and {@code full_page_writes} off), so that a crash could lose
   * commits already acknowledged to a citizen. Here every acknowledged commit is on disk.
   */
  private static EmbeddedPostgres launch(Path dataDir, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "200")
        .setServerConfig("shared_buffers", "128MB")
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .start();
  }

  /** Stops the server cleanly (its data stay). */
  public synchronized void stop() throws IOException {
    postgres.close();
  }

  /** Starts the server again on the same data and port (after {@link #stop} or a crash). */
  public synchronized void restart() throws IOException {
    try {
      postgres.close(); // releases the data directory's lock, even after a crash
    } catch (IOException | RuntimeException e) {
      // already stopped, or killed: nothing more to stop
    }
    postgres = launch(dataDir, port);
  }

  /** The postmaster's process id, from its pid file; -1 when it is not running. */
  public long pid() {
    try {
      String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
      long pid = Long.parseLong(first);
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** True while the postmaster runs. */
  public boolean isRunning() {
    return pid() > 0;
  }

  /**
   * Sends a signal ({@code STOP}, {@code CONT}, {@code KILL}) to the postmaster and every backend
   * it started: pausing or killing the whole server, as a hung or crashed machine would.
   */
  public void signal(String signal) throws IOException, InterruptedException {
    long pid = pid();
    if (pid < 0) {
      return;
    }
    java.util.List<String> command =
        new java.util.ArrayList<>(java.util.List.of("kill", "-" + signal));
    ProcessHandle.of(pid)
        .ifPresent(
            p -> {
              command.add(Long.toString(p.pid()));
              p.descendants().forEach(d -> command.add(Long.toString(d.pid())));
            });
    new ProcessBuilder(command).inheritIO().start().waitFor();
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
