package fr.cite.platform.identity.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Verifies tokens issued by the realm in the application, never asking Keycloak at request time:
 * RS256 signature against the realm's keys, <b>fetched ahead</b> (at start, retried every 10 s
 * until they come, then refreshed every 10 minutes) and kept, so that tokens issued before an
 * outage keep verifying until they expire; issuer; expiry; for ID tokens, audience and nonce. A
 * token signed by a key never seen while Keycloak cannot be asked is "identity unavailable" (503),
 * not "invalid": it may well be valid.
 */
@ApplicationScoped
public class AccessTokens {

  private static final Logger LOG = Logger.getLogger(AccessTokens.class);
  private static final long UNKNOWN_KEY_REFRESH_MILLIS = 10_000;
  private static final long REFRESH_SECONDS = 600;

  /** A verified token's subject, user name and realm roles. */
  public record Caller(String subject, String username, Set<String> realmRoles) {}

  /** Why a token was not accepted. */
  public enum Refusal {
    INVALID,
    KEYS_UNAVAILABLE
  }

  /** A verification's outcome: the token's claims, or why it was refused. */
  public record Verified(JsonObject claims, Refusal refusal) {
    public boolean ok() {
      return claims != null;
    }
  }

  @Inject CiteConfig config;

  @Inject IdentityAvailability availability;

  @Resource ManagedScheduledExecutorService scheduler;

  private final HttpClient http = fr.cite.platform.config.HttpClients.create(Duration.ofSeconds(3));
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
  private volatile long lastUnknownKeyRefresh;

  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean stopped;
  private volatile java.util.concurrent.ScheduledFuture<?> next;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (config.keycloakUrl().isPresent() && started.compareAndSet(false, true)) {
      next = scheduler.schedule(this::refreshAhead, 0, TimeUnit.SECONDS);
    }
  }

  private void refreshAhead() {
    if (stopped) {
      return;
    }
    boolean fetched = refreshKeys();
    try {
      if (!stopped) {
        next =
            scheduler.schedule(
                this::refreshAhead, fetched ? REFRESH_SECONDS : 10, TimeUnit.SECONDS);
      }
    } catch (RuntimeException e) {
      // the application is stopping
    }
  }

  /**
   * The refresh reschedules itself on the server's executor, which outlives the deployment: it
   * stops with it (else every redeployment stayed in memory, this bean and all it holds).
   */
  @jakarta.annotation.PreDestroy
  void stop() {
    stopped = true;
    java.util.concurrent.ScheduledFuture<?> f = next;
    if (f != null) {
      f.cancel(false);
    }
  }

  /**
   * The caller of an {@code Authorization} header: empty without a header; 401 problem for another
   * scheme or a token that does not verify; 503 {@code identity-unavailable} when its key cannot be
   * had because Keycloak does not answer.
   */
  public Optional<Caller> fromHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ProblemException(401, "bearer-token-missing");
    }
    Verified v = check(header.substring(7).strip(), null, null);
    if (v.refusal() == Refusal.KEYS_UNAVAILABLE) {
      throw new ProblemException(503, "identity-unavailable");
    }
    if (!v.ok()) {
      throw new ProblemException(401, "bearer-token-invalid");
    }
    return Optional.of(caller(v.claims()));
  }

  /**
   * Checks a token: signature, issuer, expiry and, when given, audience ({@code aud} or {@code
   * azp}) and {@code nonce} (ID tokens of a sign-in).
   */
  public Verified check(String token, String audience, String nonce) {
    if (config.keycloakUrl().isEmpty() || token == null) {
      return new Verified(null, Refusal.INVALID);
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return new Verified(null, Refusal.INVALID);
    }
    try {
      JsonObject header = json(decode(parts[0]));
      if (!"RS256".equals(header.getString("alg", ""))) {
        return new Verified(null, Refusal.INVALID);
      }
      PublicKey key = key(header.getString("kid", ""));
      if (key == null) {
        return new Verified(
            null, availability.isAvailable() ? Refusal.INVALID : Refusal.KEYS_UNAVAILABLE);
      }
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return new Verified(null, Refusal.INVALID);
      }
      JsonObject claims = json(decode(parts[1]));
      if (!issuer().equals(claims.getString("iss", ""))
          || !claims.containsKey("exp")
          || Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())
              .isBefore(Instant.now())) {
        return new Verified(null, Refusal.INVALID);
      }
      if (audience != null && !hasAudience(claims, audience)) {
        return new Verified(null, Refusal.INVALID);
      }
      if (nonce != null && !nonce.equals(claims.getString("nonce", ""))) {
        return new Verified(null, Refusal.INVALID);
      }
      return new Verified(claims, null);
    } catch (GeneralSecurityException | RuntimeException e) {
      return new Verified(null, Refusal.INVALID);
    }
  }

  /** Realm roles of verified claims. */
  public static Set<String> realmRoles(JsonObject claims) {
    JsonValue access = claims.get("realm_access");
    if (!(access instanceof JsonObject o) || !(o.get("roles") instanceof JsonArray roles)) {
      return Set.of();
    }
    return roles.getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Caller caller(JsonObject claims) {
    return new Caller(
        claims.getString("sub", ""),
        claims.getString("preferred_username", ""),
        realmRoles(claims));
  }

  private static boolean hasAudience(JsonObject claims, String audience) {
    JsonValue aud = claims.get("aud");
    if (aud instanceof JsonString s && s.getString().equals(audience)) {
      return true;
    }
    if (aud instanceof JsonArray a
        && a.getValuesAs(JsonString.class).stream().anyMatch(s -> s.getString().equals(audience))) {
      return true;
    }
    return audience.equals(claims.getString("azp", ""));
  }

  /** The realm's issuer, as its tokens name it. */
  public String issuer() {
    return config.keycloakUrl().orElseThrow() + "/realms/" + config.keycloakRealm();
  }

  private PublicKey key(String kid) {
    PublicKey k = keys.get(kid);
    long now = System.currentTimeMillis();
    // An unknown key: Keycloak may have rotated its keys. Asked at most every 10 s, so that
    // tokens with made-up key ids cannot make the application hammer Keycloak.
    if (k == null && now - lastUnknownKeyRefresh > UNKNOWN_KEY_REFRESH_MILLIS) {
      lastUnknownKeyRefresh = now;
      refreshKeys();
      k = keys.get(kid);
    }
    return k;
  }

  /** Fetches the realm's signing keys; false when Keycloak could not be asked. */
  private synchronized boolean refreshKeys() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return false;
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      for (JsonObject jwk : json(r.body()).getJsonArray("keys").getValuesAs(JsonObject.class)) {
        if ("RSA".equals(jwk.getString("kty", "")) && "sig".equals(jwk.getString("use", "sig"))) {
          BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
          BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
          keys.put(jwk.getString("kid"), rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
      }
      return true;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      availability.failed();
      LOG.debugf("Realm keys not fetched: %s", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
