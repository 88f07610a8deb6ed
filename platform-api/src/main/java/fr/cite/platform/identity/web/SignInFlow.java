package fr.cite.platform.identity.web;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.identity.application.AccessTokens;
import fr.cite.platform.identity.application.IdentityAvailability;
import fr.cite.platform.tenancy.application.HostResolution;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Sign-in with Keycloak (OpenID Connect authorization code flow with PKCE) for every town through
 * <b>one callback on the platform host</b>, so that the realm's client has one redirect URI
 * whatever the number of towns and custom domains:
 *
 * <ol>
 *   <li>on the town's host, {@link #start} keeps a pending sign-in in that host's session (PKCE
 *       verifier, nonce, where to return) and sends the browser to Keycloak with {@code
 *       redirect_uri} = the platform's {@code /signin/callback} and a {@code state} signed by the
 *       platform naming the town host's completion address and its pending sign-in;
 *   <li>on the platform host, {@link #bounce} checks the signature and expiry (10 minutes) and that
 *       the address names a host the platform serves, and sends the browser there with Keycloak's
 *       answer: no token ever travels in a URL, only Keycloak's code, single-use, valid one minute
 *       and useless without the verifier that never left the town host's session;
 *   <li>on the town's host, {@link #complete} finds the pending sign-in of this browser's session
 *       for that state (single use), exchanges the code with the verifier, verifies the ID token
 *       (signature, issuer, audience, nonce) and the access token, and keeps the account in a new
 *       session id.
 * </ol>
 *
 * The state's key is {@code CITE_SIGNIN_SECRET}, else derived from the portal client's secret
 * (which every node shares), else drawn at start.
 */
@ApplicationScoped
public class SignInFlow {

  private static final Logger LOG = Logger.getLogger(SignInFlow.class);

  static final String PENDING = SignInFlow.class.getName() + ".pending";
  private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
  private static final int MAX_PENDING = 5;
  private static final List<String> KEPT_CLAIMS =
      List.of("email", "name", "given_name", "family_name", "locale", "preferred_username");

  /** A sign-in started in this session, waiting for Keycloak's answer. */
  record Pending(String id, String verifier, String nonce, String returnTo)
      implements Serializable {}

  /** Why a sign-in could not complete. */
  public static class SignInFailed extends Exception {
    public SignInFailed(String message) {
      super(message);
    }
  }

  @Inject CiteConfig config;

  @Inject AccessTokens tokens;

  @Inject IdentityAvailability availability;

  @Inject TenantDirectory directory;

  private final SecureRandom random = new SecureRandom();
  private final HttpClient http = fr.cite.platform.config.HttpClients.create(Duration.ofSeconds(3));
  private volatile byte[] key;

  /** The one address Keycloak sends browsers back to, for every town: the platform's. */
  public String callbackUrl() {
    return config.publicUrl(config.baseDomain()) + "/signin/callback";
  }

  /** Where Keycloak sends browsers after signing out, for every town. */
  public String signedOutUrl() {
    return config.publicUrl(config.baseDomain()) + "/signin/signed-out";
  }

  /** Keycloak's address of an OpenID Connect endpoint of the realm, known ahead (no discovery). */
  private String endpoint(String name) {
    return tokens.issuer() + "/protocol/openid-connect/" + name;
  }

  /** Parameters a page may pass on to Keycloak (an identity provider to use, a language…). */
  static final List<String> FORWARDED =
      List.of("kc_idp_hint", "login_hint", "prompt", "ui_locales");

  private static final java.util.regex.Pattern SAFE_VALUE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.@+ -]{1,100}");

  /**
   * Starts a sign-in for this request's host: returns Keycloak's authorization URL to send the
   * browser to. {@code returnTo} is the path (and query) to show once signed in; parameters of
   * {@link #FORWARDED} are passed on to Keycloak (others, and unusual values, are dropped).
   */
  public String start(
      HttpServletRequest req,
      String returnTo,
      Optional<String> townSlug,
      Map<String, String> forwarded) {
    HttpSession session = req.getSession(true);
    Pending pending = new Pending(randomToken(18), randomToken(32), randomToken(18), returnTo);
    @SuppressWarnings("unchecked")
    LinkedHashMap<String, Pending> all =
        (LinkedHashMap<String, Pending>) session.getAttribute(PENDING);
    LinkedHashMap<String, Pending> next =
        all == null ? new LinkedHashMap<>() : new LinkedHashMap<>(all);
    next.put(pending.id(), pending);
    while (next.size() > MAX_PENDING) {
      next.remove(next.keySet().iterator().next());
    }
    session.setAttribute(PENDING, next);
    String complete = origin(req) + req.getContextPath() + "/signin/complete";
    String state =
        sign(
            Json.createObjectBuilder()
                .add("c", complete)
                .add("p", pending.id())
                .add("x", Instant.now().plus(STATE_LIFETIME).getEpochSecond())
                .build()
                .toString());
    String scope = "openid" + townSlug.map(s -> " organization:" + s).orElse("");
    return endpoint("auth")
        + "?response_type=code"
        + "&client_id="
        + enc(config.keycloakPortalClient())
        + "&scope="
        + enc(scope)
        + "&redirect_uri="
        + enc(callbackUrl())
        + "&state="
        + enc(state)
        + "&nonce="
        + enc(pending.nonce())
        + "&code_challenge_method=S256&code_challenge="
        + enc(challenge(pending.verifier()))
        + forwarded(forwarded);
  }

  private static String forwarded(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (String name : FORWARDED) {
      String v = params.get(name);
      if (v != null && SAFE_VALUE.matcher(v).matches()) {
        sb.append('&').append(name).append('=').append(enc(v));
      }
    }
    return sb.toString();
  }

  /**
   * On the platform host: where to send the browser with Keycloak's answer ({@code query}, passed
   * on as it came), or empty when the state is forged, expired or names a host the platform does
   * not serve.
   */
  public Optional<String> bounce(String state, String query) {
    return verifiedAddress(state, "c", "/signin/complete")
        .map(address -> address + "?" + (query == null ? "" : query));
  }

  /** On the platform host after signing out: the town page to show, or empty. */
  public Optional<String> afterSignOut(String state) {
    return verifiedAddress(state, "h", "/");
  }

  /** The {@code state} for signing out of Keycloak: signs the page to show afterwards. */
  public String signOutState(String home) {
    return sign(
        Json.createObjectBuilder()
            .add("h", home)
            .add("x", Instant.now().plus(STATE_LIFETIME).getEpochSecond())
            .build()
            .toString());
  }

  /**
   * Completes the sign-in on the town's host: the pending sign-in of this session named by the
   * state, the code exchanged, the tokens verified, the account kept in a new session id. Returns
   * where to send the browser.
   */
  public String complete(HttpServletRequest req) throws SignInFailed {
    JsonObject state = verified(req.getParameter("state")).orElseThrow(() -> fail("bad state"));
    HttpSession session = req.getSession(false);
    if (session == null) {
      throw fail("no session");
    }
    @SuppressWarnings("unchecked")
    Map<String, Pending> all = (Map<String, Pending>) session.getAttribute(PENDING);
    Pending pending = all == null ? null : all.get(state.getString("p", ""));
    if (pending == null) {
      throw fail("no pending sign-in for this state in this session");
    }
    LinkedHashMap<String, Pending> rest = new LinkedHashMap<>(all);
    rest.remove(pending.id());
    session.setAttribute(PENDING, rest);
    if (req.getParameter("error") != null) {
      throw fail("Keycloak answered " + req.getParameter("error"));
    }
    String code = req.getParameter("code");
    if (code == null || code.isBlank()) {
      throw fail("no code");
    }
    JsonObject answer = exchange(code, pending.verifier());
    AccessTokens.Verified id =
        tokens.check(
            answer.getString("id_token", null), config.keycloakPortalClient(), pending.nonce());
    AccessTokens.Verified access = tokens.check(answer.getString("access_token", null), null, null);
    if (!id.ok() || !access.ok()) {
      throw fail("tokens did not verify");
    }
    Map<String, String> claims = new LinkedHashMap<>();
    for (String name : KEPT_CLAIMS) {
      if (id.claims().get(name) instanceof jakarta.json.JsonString s) {
        claims.put(name, s.getString());
      }
    }
    req.changeSessionId();
    session.setAttribute(
        SignedIn.ATTRIBUTE,
        new SignInSession(
            id.claims().getString("sub"),
            claims,
            List.copyOf(AccessTokens.realmRoles(access.claims())),
            answer.getString("id_token")));
    return pending.returnTo();
  }

  private JsonObject exchange(String code, String verifier) throws SignInFailed {
    String form =
        "grant_type=authorization_code&code="
            + enc(code)
            + "&redirect_uri="
            + enc(callbackUrl())
            + "&code_verifier="
            + enc(verifier)
            + "&client_id="
            + enc(config.keycloakPortalClient());
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (enc(config.keycloakPortalClient()) + ":" + enc(config.keycloakPortalSecret()))
                    .getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint("token")))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Authorization", "Basic " + basic)
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw fail("token endpoint answered " + r.statusCode() + " " + r.body());
      }
      try (var reader = Json.createReader(new StringReader(r.body()))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      availability.failed();
      throw fail("token endpoint unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail("interrupted");
    }
  }

  private Optional<String> verifiedAddress(String state, String field, String pathSuffix) {
    return verified(state).map(s -> s.getString(field, "")).filter(a -> servedHere(a, pathSuffix));
  }

  /** An address on a host this platform serves (a town's, a verified domain, the platform's). */
  private boolean servedHere(String address, String pathSuffix) {
    try {
      URI uri = URI.create(address);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getRawQuery() != null
          || uri.getRawPath() == null
          || !uri.getRawPath().endsWith(pathSuffix)) {
        return false;
      }
      HostResolution r = directory.resolve(uri.getHost());
      return r instanceof HostResolution.Town
          || r instanceof HostResolution.Platform
          || r instanceof HostResolution.Suspended;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Optional<JsonObject> verified(String state) {
    if (state == null) {
      return Optional.empty();
    }
    int dot = state.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String payload = state.substring(0, dot);
    byte[] expected = mac(payload);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(state.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(expected, given)) {
      return Optional.empty();
    }
    try (var reader =
        Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))) {
      JsonObject json = reader.readObject();
      if (json.getJsonNumber("x") == null
          || Instant.ofEpochSecond(json.getJsonNumber("x").longValue()).isBefore(Instant.now())) {
        return Optional.empty();
      }
      return Optional.of(json);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private String sign(String json) {
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      String secret =
          CiteConfig.lookup("cite.signin.secret")
              .filter(s -> !s.isBlank())
              .orElse(config.keycloakPortalSecret());
      try {
        k =
            secret.isBlank()
                ? random.generateSeed(32)
                : MessageDigest.getInstance("SHA-256")
                    .digest(("cite-signin-state:" + secret).getBytes(StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      key = k;
    }
    return k;
  }

  private String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** scheme://host[:port] of a request, as the browser addressed it. */
  public static String origin(HttpServletRequest req) {
    int p = req.getServerPort();
    boolean standard = (p == 80 && "http".equals(req.getScheme())) || (p == 443 && req.isSecure());
    return req.getScheme() + "://" + req.getServerName() + (standard ? "" : ":" + p);
  }

  private static SignInFailed fail(String why) {
    LOG.debugf("Sign-in not completed: %s", why);
    return new SignInFailed(why);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
