package fr.cite.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.KeycloakPages;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Citizens sign up and sign in through the real Keycloak, on the portals of two towns, with one
 * account; the protocol is driven at the HTTP level (Keycloak's own pages, forms and cookies).
 */
class CitizenSignInIT extends CiteIntegrationTest {

  static TestTowns.Town a;
  static TestTowns.Town b;

  @BeforeAll
  static void twoTownsWithTheirIdentity() {
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
  }

  static String portal(TestTowns.Town town, String path) {
    return "http://" + town.host() + ":9080" + path;
  }

  /** Opens the town's "Mon compte" and signs in on the Keycloak page it leads to. */
  static Browser.Page signIn(Browser browser, TestTowns.Town town, String email, String password) {
    Browser.Page login = browser.get(portal(town, "/compte/"));
    assertThat(login.uri().getPath()).startsWith("/realms/cite/");
    assertThat(login.uri().getQuery()).contains("organization:" + town.slug());
    return KeycloakPages.signIn(browser, login, email, password);
  }

  /** Opens the town's "Mon compte" and registers on the Keycloak page it leads to. */
  static Browser.Page signUp(
      Browser browser,
      TestTowns.Town town,
      String first,
      String last,
      String email,
      String password) {
    return KeycloakPages.register(
        browser, browser.get(portal(town, "/compte/")), first, last, email, password);
  }

  @Test
  void aCitizenSignsUpOnOneTownAndSignsInOnAnotherWithTheSameAccount() {
    String email = "parent-" + UUID.randomUUID() + "@example.fr";
    String password = "Ecole-" + UUID.randomUUID();
    Browser browser = new Browser();
    browser.plantCookie(a.host(), "JSESSIONID", "fixed-by-an-attacker");

    Browser.Page login = browser.get(portal(a, "/compte/"));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body())
        .as("Keycloak's page carries the town")
        .contains("<title>Connexion au portail")
        .contains("--cite-town-primary: #000091")
        .contains("src=\"http://" + a.host() + ":9080/api/v1/town/logo\"")
        .contains("href=\"http://" + a.host() + ":9080/\"");
    Browser.Page account =
        KeycloakPages.register(browser, login, "Camille", "Martin", email, password);
    assertThat(account.uri().getHost()).isEqualTo(a.host());
    assertThat(account.status()).as(account.body()).isEqualTo(200);
    assertThat(account.body()).contains("Mon compte").contains("Camille Martin").contains(email);
    assertThat(browser.cookiesOf(a.host()).get("JSESSIONID"))
        .as("a new session id at sign-in")
        .isNotEqualTo("fixed-by-an-attacker");
    String session =
        browser.setCookieHeaders(a.host()).stream()
            .filter(h -> h.startsWith("JSESSIONID="))
            .reduce((first, last) -> last)
            .orElseThrow();
    assertThat(session)
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .doesNotContainIgnoringCase("Domain=");

    Browser.Page onB = signIn(browser, b, email, password);
    assertThat(onB.uri().getHost()).isEqualTo(b.host());
    assertThat(onB.body()).contains("Camille Martin").contains(b.name());
    assertThat(browser.cookiesOf(b.host()).get("JSESSIONID"))
        .as("sessions are per host")
        .isNotEqualTo(browser.cookiesOf(a.host()).get("JSESSIONID"));
  }

  @Test
  void cookiesAreSecureOverHttpsOnly() throws Exception {
    java.net.http.HttpClient https = fr.cite.it.support.Http.httpsTrustingAnyCertificate();
    java.net.http.HttpResponse<Void> overTls =
        https.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("https://127.0.0.1:9443/compte/"))
                .header("Host", a.host() + ":9443")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(overTls.statusCode()).isEqualTo(302);
    assertThat(overTls.headers().allValues("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
    fr.cite.it.support.Http.Response overHttp = fr.cite.it.support.Http.get(a.host(), "/compte/");
    assertThat(overHttp.headers().getOrDefault("set-cookie", List.of()))
        .isNotEmpty()
        .noneSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
  }

  @Test
  void aForgottenPasswordIsResetThroughTheLinkKeycloakEmails() throws Exception {
    String email = "oubli-" + UUID.randomUUID() + "@example.fr";
    String first = "Premier-" + UUID.randomUUID();
    String second = "Second-" + UUID.randomUUID();
    signUp(new Browser(), a, "Marie", "Oubli", email, first);

    Browser browser = new Browser();
    Browser.Page username = browser.get(portal(a, "/compte/"));
    Browser.Page password =
        browser.post(username.formAction("kc-form-login"), Browser.fields("username", email));
    Browser.Page forgot = browser.get(password.link("/login-actions/reset-credentials"));
    browser.post(forgot.formAction("kc-reset-password-form"), Browser.fields("username", email));

    List<TestMail.Received> mails = TestMail.awaitMessagesTo(email);
    assertThat(mails).hasSize(1);
    Matcher link =
        Pattern.compile("(http://[^\\s\"<>]*action-token[^\\s\"<>]*)").matcher(mails.get(0).body());
    assertThat(link.find()).as(mails.get(0).body()).isTrue();
    Browser.Page update = browser.get(link.group(1).replace("&amp;", "&"));
    Browser.Page account =
        browser.post(
            update.formAction("kc-passwd-update-form"),
            Browser.fields("password-new", second, "password-confirm", second));
    assertThat(account.uri().getHost()).as(account.body()).isEqualTo(a.host());
    assertThat(account.body()).contains("Marie Oubli");

    assertThat(signIn(new Browser(), a, email, first).body()).doesNotContain("Mon compte");
    assertThat(signIn(new Browser(), a, email, second).body()).contains("Marie Oubli");
  }

  @Test
  void aWrongPasswordIsRefusedAndSigningOutEndsTheKeycloakSessionToo() {
    String email = "habitant-" + UUID.randomUUID() + "@example.fr";
    String password = "Mairie-" + UUID.randomUUID();
    Browser browser = new Browser();
    signUp(browser, a, "Jean", "Dupont", email, password);

    Browser.Page out = browser.post(portal(a, "/compte/deconnexion"), Browser.fields());
    assertThat(out.uri().getHost()).isEqualTo(a.host());
    assertThat(out.body()).contains("Bienvenue");
    Browser.Page again = browser.get(portal(a, "/compte/"));
    assertThat(again.uri().getPath()).as("Keycloak asks again").startsWith("/realms/cite/");

    Browser.Page refused = signIn(new Browser(), a, email, "not-" + password);
    assertThat(refused.uri().getHost()).isEqualTo("localhost");
    assertThat(refused.body()).doesNotContain("Mon compte");
  }
}
