package fr.cite.portal.account;

import fr.cite.platform.config.CiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether Keycloak answers, checked at most every ten seconds, so that a refused sign-in can be
 * explained ("temporarily unavailable") instead of showing a bare error.
 */
@ApplicationScoped
public class SignInAvailability {

  private static final long CHECK_EVERY_MILLIS = 10_000;

  @Inject CiteConfig config;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile boolean available = true;
  private volatile long checkedAt;

  public boolean isAvailable() {
    long now = System.currentTimeMillis();
    if (now - checkedAt > CHECK_EVERY_MILLIS) {
      available = probe();
      checkedAt = now;
    }
    return available;
  }

  private boolean probe() {
    if (config.keycloakUrl().isEmpty()) {
      return false;
    }
    URI discovery =
        URI.create(
            config.keycloakUrl().get()
                + "/realms/"
                + config.keycloakRealm()
                + "/.well-known/openid-configuration");
    try {
      return http.send(
                  HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
