package fr.cite.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server from the distribution on Maven Central, as a child process. Installed once
 * into a cache folder and built once ({@code kc.sh build}) for PostgreSQL with health checks, then
 * started optimised ({@code start --optimized}), with Cité's realm imported at first start.
 */
public final class KeycloakServer implements AutoCloseable {

  /** Options fixed at build time; changing them triggers a new build. */
  static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");

  /** Where and how Keycloak runs. */
  public record Settings(
      Path distributionZip,
      Path home,
      int httpPort,
      int managementPort,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String adminPassword,
      Path realmFile,
      Map<String, String> realmVariables,
      Path consoleLog) {

    public String url() {
      return "http://localhost:" + httpPort;
    }
  }

  private final Process process;
  private final Settings settings;

  private KeycloakServer(Process process, Settings settings) {
    this.process = process;
    this.settings = settings;
  }

  /** Unpacks and builds if needed; returns the seconds the build took (0 when already built). */
  public static long install(Path zip, Path home, Path log)
      throws IOException, InterruptedException {
    Path kcSh = home.resolve("bin/kc.sh");
    if (!Files.exists(kcSh)) {
      unzip(zip, home);
    }
    Path marker = home.resolve(".cite-build");
    String wanted = String.join(" ", BUILD_OPTIONS);
    if (Files.exists(marker) && Files.readString(marker).strip().equals(wanted)) {
      return 0;
    }
    Instant start = Instant.now();
    List<String> command = new ArrayList<>(List.of(kcSh.toString(), "build"));
    command.addAll(BUILD_OPTIONS);
    Files.createDirectories(log.getParent());
    Process build =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
      throw new IllegalStateException("kc.sh build failed, see " + log);
    }
    Files.writeString(marker, wanted + "\n");
    return Duration.between(start, Instant.now()).toSeconds();
  }

  /** Starts the built server and waits until its readiness check answers. */
  public static KeycloakServer start(Settings s, Duration timeout)
      throws IOException, InterruptedException {
    install(s.distributionZip(), s.home(), s.consoleLog());
    Path importDir = s.home().resolve("data/import");
    Files.createDirectories(importDir);
    Files.copy(
        s.realmFile(), importDir.resolve("cite-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    copyTree(s.realmFile().resolveSibling("themes"), s.home().resolve("themes"));
    ProcessBuilder pb =
        new ProcessBuilder(
                s.home().resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + s.httpPort(),
                "--http-management-port=" + s.managementPort(),
                "--hostname-strict=false",
                "--db-url=" + s.jdbcUrl(),
                "--db-username=" + s.dbUser(),
                "--db-password=" + s.dbPassword(),
                "--import-realm")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(s.consoleLog().toFile()));
    pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", s.adminPassword());
    pb.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    pb.environment().putAll(s.realmVariables());
    KeycloakServer server = new KeycloakServer(pb.start(), s);
    try {
      server.awaitReady(timeout);
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://127.0.0.1:" + settings.managementPort() + "/health/ready");
    URI realm = URI.create(settings.url() + "/realms/cite/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak stopped during start (exit "
                + process.exitValue()
                + "), see "
                + settings.consoleLog());
      }
      if (status(http, ready) == 200 && status(http, realm) == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Keycloak not ready after " + timeout.toSeconds() + " s");
  }

  private static int status(HttpClient http, URI uri) throws InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  public String url() {
    return settings.url();
  }

  public Settings settings() {
    return settings;
  }

  /** True while the server's process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    ChildProcess.stop(process);
  }

  /** Copies the project's themes into Keycloak's themes folder (read at start). */
  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void unzip(Path zip, Path home) throws IOException {
    Path parent = home.toAbsolutePath().getParent();
    Path staging = Files.createTempDirectory(parent == null ? Path.of(".") : parent, "kc-unzip");
    try (InputStream raw = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        // The distribution has one top folder (keycloak-<version>/): strip it.
        String name = e.getName().substring(e.getName().indexOf('/') + 1);
        if (name.isEmpty()) {
          continue;
        }
        Path target = staging.resolve(name).normalize();
        if (!target.startsWith(staging)) {
          throw new IOException("Bad entry " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          if (name.startsWith("bin/") && name.endsWith(".sh")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
    Files.createDirectories(home.getParent());
    Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
  }
}
