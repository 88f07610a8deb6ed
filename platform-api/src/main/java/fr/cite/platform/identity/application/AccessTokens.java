package fr.cite.platform.identity.application;

import fr.cite.platform.config.CiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.stream.Collectors;

/**
 * Verifies bearer access tokens issued by the realm: RS256 signature against the realm's published
 * keys (fetched once, again when an unknown key id appears), issuer, expiry. Returns who the token
 * speaks for and its realm roles; authorisation stays with the caller.
 */
@ApplicationScoped
public class AccessTokens {

  /** A verified token's subject, user name and realm roles. */
  public record Caller(String subject, String username, Set<String> realmRoles) {}

  @Inject CiteConfig config;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

  /** The caller, or empty when the token is malformed, forged, expired or from elsewhere. */
  /**
   * The caller of an {@code Authorization} header: empty without a header, 401 problem for another
   * scheme or a token that does not verify.
   */
  public Optional<Caller> fromHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new fr.cite.platform.problem.ProblemException(401, "bearer-token-missing");
    }
    return Optional.of(
        verify(header.substring(7).strip())
            .orElseThrow(
                () -> new fr.cite.platform.problem.ProblemException(401, "bearer-token-invalid")));
  }

  public Optional<Caller> verify(String token) {
    if (config.keycloakUrl().isEmpty() || token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonObject header = json(decode(parts[0]));
      if (!"RS256".equals(header.getString("alg", ""))) {
        return Optional.empty();
      }
      PublicKey key = key(header.getString("kid", ""));
      if (key == null) {
        return Optional.empty();
      }
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return Optional.empty();
      }
      JsonObject claims = json(decode(parts[1]));
      if (!issuer().equals(claims.getString("iss", ""))
          || !claims.containsKey("exp")
          || Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())
              .isBefore(Instant.now())) {
        return Optional.empty();
      }
      return Optional.of(
          new Caller(
              claims.getString("sub", ""),
              claims.getString("preferred_username", ""),
              realmRoles(claims)));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Set<String> realmRoles(JsonObject claims) {
    JsonValue access = claims.get("realm_access");
    if (!(access instanceof JsonObject o) || !(o.get("roles") instanceof JsonArray roles)) {
      return Set.of();
    }
    return roles.getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .collect(Collectors.toUnmodifiableSet());
  }

  private String issuer() {
    return config.keycloakUrl().orElseThrow() + "/realms/" + config.keycloakRealm();
  }

  private PublicKey key(String kid) throws GeneralSecurityException {
    PublicKey k = keys.get(kid);
    if (k == null) {
      refreshKeys();
      k = keys.get(kid);
    }
    return k;
  }

  private synchronized void refreshKeys() throws GeneralSecurityException {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return;
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      for (JsonObject jwk : json(r.body()).getJsonArray("keys").getValuesAs(JsonObject.class)) {
        if ("RSA".equals(jwk.getString("kty", "")) && "sig".equals(jwk.getString("use", "sig"))) {
          BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
          BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
          keys.put(jwk.getString("kid"), rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
      }
    } catch (IOException e) {
      // Keycloak unreachable: tokens signed by unknown keys are refused meanwhile.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
