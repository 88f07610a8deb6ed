package fr.cite.platform.identity.application;

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
 * Whether Keycloak answers, so that a sign-in that cannot happen is explained ("temporarily
 * unavailable", 503) instead of sending the browser to a dead server. A success is trusted for a
 * second, a failure for five: an outage is noticed at once, and a dead server is not asked again by
 * every request meanwhile.
 */
@ApplicationScoped
public class IdentityAvailability {

  private static final long TRUST_UP_MILLIS = 1_000;
  private static final long TRUST_DOWN_MILLIS = 5_000;

  @Inject CiteConfig config;

  private final HttpClient http = fr.cite.platform.config.HttpClients.create(Duration.ofSeconds(2));
  private volatile boolean available = true;
  private volatile long checkedAt;

  public boolean isAvailable() {
    if (config.keycloakUrl().isEmpty()) {
      return false;
    }
    long now = System.currentTimeMillis();
    if (now - checkedAt > (available ? TRUST_UP_MILLIS : TRUST_DOWN_MILLIS)) {
      available = probe();
      checkedAt = now;
    }
    return available;
  }

  /** Called when a call to Keycloak just failed: the next check need not wait. */
  public void failed() {
    available = false;
    checkedAt = System.currentTimeMillis();
  }

  private boolean probe() {
    URI realm =
        URI.create(
            config.keycloakUrl().get()
                + "/realms/"
                + config.keycloakRealm()
                + "/.well-known/openid-configuration");
    try {
      return http.send(
                  HttpRequest.newBuilder(realm).timeout(Duration.ofSeconds(2)).build(),
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
