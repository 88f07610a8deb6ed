package fr.cite.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a demo account in as a browser would (the portal client's authorization code flow with PKCE
 * against the local Keycloak, its cookies kept by hand since they are marked Secure) and returns an
 * access token: for the local platform's own set-up steps and the benches.
 */
public final class DemoSignIn {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private DemoSignIn() {}

  /**
   * @param keycloakUrl e.g. {@code http://localhost:8180}
   * @param platformUrl e.g. {@code http://localhost:8080} (where the portal's callback lives)
   */
  public static String accessToken(
      String keycloakUrl, String platformUrl, String email, String password, String portalSecret)
      throws IOException, InterruptedException {
    return new DemoSignIn().token(keycloakUrl, platformUrl, email, password, portalSecret);
  }

  String token(String kc, String base, String email, String password, String secret)
      throws IOException, InterruptedException {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(seed);
    String challenge;
    try {
      challenge =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String redirect = base.replace("127.0.0.1", "localhost") + "/signin/callback";
    String oidc = kc + "/realms/cite/protocol/openid-connect";
    HttpResponse<String> page =
        get(
            oidc
                + "/auth?client_id=cite-portal&response_type=code&scope=openid&state=demo"
                + "&code_challenge_method=S256&code_challenge="
                + challenge
                + "&redirect_uri="
                + enc(redirect));
    String code = null;
    for (int step = 0; step < 6 && code == null; step++) {
      String location = page.headers().firstValue("Location").orElse(null);
      if (location != null) {
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (m.find()) {
          code = m.group(1);
          break;
        }
        page = get(page.uri().resolve(location).toString());
        continue;
      }
      Matcher action =
          Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
      if (!action.find()) {
        throw new IllegalStateException("No login form: " + page.statusCode() + " " + page.uri());
      }
      String form =
          page.body().contains("name=\"password\"")
              ? "username=" + enc(email) + "&password=" + enc(password)
              : "username=" + enc(email);
      page =
          send(
              HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form)));
    }
    if (code == null) {
      throw new IllegalStateException("No authorization code for " + email);
    }
    HttpResponse<String> t =
        http.send(
            HttpRequest.newBuilder(URI.create(oidc + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&client_id=cite-portal&client_secret="
                            + enc(secret)
                            + "&code_verifier="
                            + verifier
                            + "&code="
                            + code
                            + "&redirect_uri="
                            + enc(redirect)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(t.body());
    if (!m.find()) {
      throw new IllegalStateException("No token for " + email + ": " + t.statusCode());
    }
    return m.group(1);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)));
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          String.join(
              "; ",
              cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    for (String c : r.headers().allValues("set-cookie")) {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return r;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
