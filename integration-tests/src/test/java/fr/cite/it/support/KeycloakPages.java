package fr.cite.it.support;

/** What a person does on Keycloak's own pages: register, sign in with the identity-first form. */
public final class KeycloakPages {

  private KeycloakPages() {}

  /** From a Keycloak login page, registers a new account; returns where the browser lands. */
  public static Browser.Page register(
      Browser browser,
      Browser.Page login,
      String firstName,
      String lastName,
      String email,
      String password) {
    Browser.Page form = browser.get(login.link("/login-actions/registration"));
    return browser.post(
        form.formAction("kc-register-form"),
        Browser.fields(
            "firstName", firstName,
            "lastName", lastName,
            "email", email,
            "password", password,
            "password-confirm", password));
  }

  /** From a Keycloak login page, signs in (e-mail first, then password). */
  public static Browser.Page signIn(
      Browser browser, Browser.Page login, String email, String password) {
    Browser.Page askPassword =
        browser.post(login.formAction("kc-form-login"), Browser.fields("username", email));
    return browser.post(
        askPassword.formAction("kc-form-login"), Browser.fields("password", password));
  }

  /**
   * An access token for the account signed in (or signing in) in this browser, obtained like a
   * script or a single-page application would: authorization code with PKCE on the portal client,
   * redirected to a path of the town's host that the portal leaves alone.
   */
  public static String accessToken(Browser browser, String townHost, String email, String password)
      throws Exception {
    String verifier =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(new java.security.SecureRandom().generateSeed(32));
    String challenge =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    // The platform's one sign-in callback, the only redirect URI of the portal client.
    String redirect = "http://localhost:9080/signin/callback";
    String base = TestKeycloak.awaitReady() + "/realms/cite/protocol/openid-connect";
    Browser.Page page =
        browser.get(
            base
                + "/auth?client_id=cite-portal&response_type=code&scope=openid&state=test"
                + "&code_challenge_method=S256&code_challenge="
                + challenge
                + "&redirect_uri="
                + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8));
    if (page.uri().getPath().startsWith("/realms/")) {
      page = signIn(browser, page, email, password);
    }
    java.util.regex.Matcher code =
        java.util.regex.Pattern.compile("[?&]code=([^&]+)")
            .matcher(page.uri().getRawQuery() == null ? "" : "?" + page.uri().getRawQuery());
    if (!code.find()) {
      throw new AssertionError("No code in " + page.uri());
    }
    String form =
        "grant_type=authorization_code&client_id=cite-portal&client_secret="
            + System.getenv("CITE_KEYCLOAK_PORTAL_SECRET")
            + "&code_verifier="
            + verifier
            + "&code="
            + code.group(1)
            + "&redirect_uri="
            + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8);
    java.net.http.HttpResponse<String> token =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(token.body()))) {
      return reader.readObject().getString("access_token");
    }
  }
}
