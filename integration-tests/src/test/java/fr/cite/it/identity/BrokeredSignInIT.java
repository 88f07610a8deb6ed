package fr.cite.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FranceConnect-ready: the realm brokers an external OpenID Connect provider, here a second realm
 * of the test Keycloak standing in for FranceConnect. The portal only ever talks to its own realm.
 */
class BrokeredSignInIT extends CiteIntegrationTest {

  static TestTowns.Town town;

  @BeforeAll
  static void theRealmBrokersAnExternalProvider() {
    String kc = TestKeycloak.awaitReady();
    String external = kc + "/realms/franceconnect-sim/protocol/openid-connect";
    int status =
        TestKeycloak.adminPost(
            "/identity-provider/instances",
            """
            {"alias":"franceconnect","displayName":"FranceConnect","providerId":"oidc","enabled":true,
             "trustEmail":true,"firstBrokerLoginFlowAlias":"first broker login",
             "config":{"clientId":"cite-broker","clientSecret":"it-broker-secret",
               "authorizationUrl":"%s/auth","tokenUrl":"%s/token","userInfoUrl":"%s/userinfo",
               "jwksUrl":"%s/certs","useJwksUrl":"true","validateSignature":"true",
               "issuer":"%s","defaultScope":"openid profile email","syncMode":"IMPORT",
               "clientAuthMethod":"client_secret_post","pkceEnabled":"true","pkceMethod":"S256"}}
            """
                .formatted(
                    external, external, external, external, kc + "/realms/franceconnect-sim"));
    assertThat(status).isIn(201, 409);
    town = TestTowns.onboard();
  }

  @Test
  void aCitizenSignsInThroughTheExternalProviderAndGetsACiteAccount() {
    Browser browser = new Browser();
    Browser.Page external =
        browser.get("http://" + town.host() + ":9080/compte/?kc_idp_hint=franceconnect");
    assertThat(external.uri().getPath()).startsWith("/realms/franceconnect-sim/");
    Browser.Page back =
        browser.post(
            external.formAction("kc-form-login"),
            Browser.fields("username", "louise.michel", "password", "Commune-1871"));
    if (back.uri().getPath().contains("first-broker-login")) {
      back =
          browser.post(
              back.formAction("action"),
              Browser.fields(
                  "email",
                  "louise.michel@example.fr",
                  "firstName",
                  "Louise",
                  "lastName",
                  "Michel"));
    }
    assertThat(back.uri().getHost()).as(back.body()).isEqualTo(town.host());
    assertThat(back.body())
        .contains("Mon compte")
        .contains("Louise Michel")
        .contains("louise.michel@example.fr");
  }
}
