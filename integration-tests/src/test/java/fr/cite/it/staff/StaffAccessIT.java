package fr.cite.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.KeycloakPages;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff roles are per town: an invitation links an account to one town's console; the same account
 * is nobody on another town's console, and citizens are nobody on any.
 */
class StaffAccessIT extends CiteIntegrationTest {

  static TestTowns.Town a;
  static TestTowns.Town b;

  @BeforeAll
  static void twoTowns() {
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
  }

  static String url(TestTowns.Town town, String path) {
    return "http://" + town.host() + ":9080" + path;
  }

  static String invite(TestTowns.Town town, String email, String role) {
    Http.Response r =
        Http.postJson(
            Http.PLATFORM,
            "/api/v1/platform/towns/" + town.slug() + "/staff",
            "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
            Http.operator());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("invitationUrl");
  }

  @Test
  void anInvitedAdministratorOpensTheirTownsConsoleAndNoOtherTowns() throws Exception {
    String email = "admin-" + UUID.randomUUID() + "@example.fr";
    String password = "Console-" + UUID.randomUUID();
    String invitation = invite(a, email, "TOWN_ADMIN");
    assertThat(invitation).startsWith(url(a, "/admin/invitation/"));
    List<TestMail.Received> mails = TestMail.awaitMessagesTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).subject()).contains(a.name());
    assertThat(mails.get(0).body())
        .contains(invitation)
        .contains("administrateur de la commune")
        .contains("town administrator");

    Browser browser = new Browser();
    Browser.Page login = browser.get(invitation);
    assertThat(login.uri().getPath()).startsWith("/realms/cite/");
    Browser.Page accepted =
        KeycloakPages.register(browser, login, "Agent", "Test", email, password);
    assertThat(accepted.uri().getHost()).isEqualTo(a.host());
    assertThat(accepted.body()).contains("administrateur de la commune");

    Browser.Page console = browser.get(url(a, "/admin/"));
    assertThat(console.status()).isEqualTo(200);
    assertThat(console.body())
        .contains(a.name())
        .contains("Vous êtes administrateur de la commune");

    Browser.Page reused = browser.get(invitation);
    assertThat(reused.status()).isEqualTo(404);
    assertThat(reused.body()).contains("a déjà servi ou a expiré");

    Browser.Page otherConsole =
        KeycloakPages.signIn(browser, browser.get(url(b, "/admin/")), email, password);
    assertThat(otherConsole.uri().getHost()).isEqualTo(b.host());
    assertThat(otherConsole.status()).isEqualTo(403);
    assertThat(otherConsole.body())
        .contains("réservée aux agents de la commune")
        .doesNotContain("Vous êtes");

    Http.Response api =
        Http.get(b.host(), "/api/v1/platform/towns", "Authorization", "Bearer whatever");
    assertThat(api.status()).isEqualTo(404);
  }

  @Test
  void aCitizenIsNobodyOnAnyConsole() {
    Browser browser = new Browser();
    String email = "citoyen-" + UUID.randomUUID() + "@example.fr";
    String password = "Citoyen-" + UUID.randomUUID();
    Browser.Page login = browser.get(url(a, "/admin/"));
    Browser.Page refused = KeycloakPages.register(browser, login, "Agent", "Test", email, password);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Accès réservé");

    Browser.Page provider = browser.get("http://localhost:9080/admin/");
    if (provider.uri().getPath().startsWith("/realms/")) {
      provider =
          browser.post(provider.formAction("kc-form-login"), Browser.fields("username", email));
    }
    assertThat(provider.status()).isIn(200, 403);
    assertThat(provider.body()).doesNotContain("Console de l'opérateur de la plateforme</h1>");
  }
}
