package fr.cite.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The provisioned WildFly (wildfly-config/target/server) as a child process. */
public final class WildFlyServer implements AutoCloseable {

  private final Process process;
  private final int httpPort;

  private WildFlyServer(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  /**
   * Starts the server with the given environment (added to ours), console output going to {@code
   * consoleLog}; returns once {@code /health/ready} answers 200 or fails after {@code timeout}.
   */
  public static WildFlyServer start(
      Path serverDir,
      int httpPort,
      Map<String, String> environment,
      Path consoleLog,
      Duration timeout)
      throws IOException, InterruptedException {
    Path script = serverDir.resolve("bin/standalone.sh");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(
          "No provisioned server at " + serverDir + ": build it with mvn package first");
    }
    Files.createDirectories(consoleLog.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    script.toString(),
                    "-Djboss.socket.binding.port-offset=" + (httpPort - 8080),
                    "-Djboss.bind.address=127.0.0.1"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
    pb.environment().putAll(environment);
    pb.environment()
        .putIfAbsent("JAVA_OPTS", "-Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true");
    WildFlyServer server = new WildFlyServer(pb.start(), httpPort);
    server.awaitReady(timeout);
    return server;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "WildFly stopped during start (exit " + process.exitValue() + ")");
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("WildFly not ready after " + timeout.toSeconds() + " s");
  }

  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Asks WildFly to stop (SIGTERM: a graceful shutdown), then forces it after 30 s. */
  /** True while the server's process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    ChildProcess.stop(process);
  }
}
