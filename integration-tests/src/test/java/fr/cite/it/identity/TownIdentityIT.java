package fr.cite.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.platform.communes.Commune;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each town is an organization in the one Keycloak realm, kept in step with the town. */
class TownIdentityIT extends CiteIntegrationTest {

  @BeforeAll
  static void keycloakIsUp() {
    TestKeycloak.awaitReady();
  }

  static JsonObject organization(String alias) {
    return ((JsonArray) TestKeycloak.admin("/organizations?briefRepresentation=false&max=1000"))
        .getValuesAs(JsonObject.class).stream()
            .filter(o -> o.getString("alias").equals(alias))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No organization " + alias));
  }

  static java.util.List<String> portalRedirectUris() {
    JsonObject client =
        ((JsonArray) TestKeycloak.admin("/clients?clientId=cite-portal")).getJsonObject(0);
    return client.getJsonArray("redirectUris").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  static Http.Response retryProvisioning(String slug) {
    return Http.send(
        Http.PLATFORM,
        "/api/v1/platform/towns/" + slug + "/provisioning",
        "application/json",
        new byte[0],
        "POST",
        Http.operator());
  }

  static JsonObject town(String slug) {
    return Http.get(Http.PLATFORM, "/api/v1/platform/towns/" + slug, Http.operator()).json();
  }

  @Test
  void onboardingCreatesTheTownsOrganizationAndRegistersItsHost() {
    TestTowns.Town town = TestTowns.onboard();
    assertThat(town(town.slug()).getString("identity")).isEqualTo("SYNCED");
    JsonObject org = organization(town.slug());
    assertThat(org.getString("name")).isEqualTo(town.name());
    assertThat(org.getBoolean("enabled")).isTrue();
    assertThat(org.getJsonObject("attributes").getJsonArray("primaryColor").getString(0))
        .isEqualTo("#000091");
    assertThat(org.getJsonObject("attributes").getJsonArray("inseeCode").getString(0))
        .isEqualTo(town.commune().inseeCode());
    // Sign-in costs the town nothing on the client: the platform's callback serves every town.
    assertThat(portalRedirectUris())
        .containsExactly("http://localhost:" + Http.port() + "/signin/*");
  }

  @Test
  void suspendingATownDisablesItsOrganizationAndRebrandingReachesIt() {
    TestTowns.Town town = TestTowns.onboard();
    String base = "/api/v1/platform/towns/" + town.slug();
    Http.putJson(
        Http.PLATFORM,
        base + "/status",
        "{\"status\":\"SUSPENDED\",\"reason\":\"Impayés\"}",
        Http.operator());
    assertThat(organization(town.slug()).getBoolean("enabled")).isFalse();
    Http.putJson(Http.PLATFORM, base + "/status", "{\"status\":\"LIVE\"}", Http.operator());
    Http.Response rebranded =
        Http.putJson(
            Http.PLATFORM,
            base + "/branding",
            "{\"primaryColor\":\"#224466\",\"secondaryColor\":\"#aa3300\"}",
            Http.operator());
    assertThat(rebranded.status()).as(rebranded.toString()).isEqualTo(200);
    JsonObject org = organization(town.slug());
    assertThat(org.getBoolean("enabled")).isTrue();
    assertThat(org.getJsonObject("attributes").getJsonArray("primaryColor").getString(0))
        .isEqualTo("#224466");
    assertThat(town(town.slug()).getString("identity")).isEqualTo("SYNCED");
  }

  @Test
  void whenKeycloakIsDownTheTownIsCreatedIdentityPendingAndARetryCompletesIt() throws Exception {
    Commune commune = TestTowns.unusedCommune();
    TestTowns.Town other = TestTowns.onboard();
    TestKeycloak.stop();
    Http.Response created;
    try {
      created =
          Http.postJson(
              Http.PLATFORM,
              "/api/v1/platform/towns",
              "{\"inseeCode\":\"" + commune.inseeCode() + "\"}",
              Http.operator());
      Http.Response signIn = Http.get(other.host(), "/compte/");
      assertThat(signIn.status()).isEqualTo(503);
      assertThat(signIn.body())
          .contains("Connexion temporairement indisponible")
          .doesNotContain("Exception");
      assertThat(Http.get(other.host(), "/").status()).as("anonymous pages work").isEqualTo(200);
    } finally {
      TestKeycloak.restart();
    }
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject pending = created.json();
    assertThat(pending.getString("identity")).isEqualTo("PENDING");
    assertThat(pending.getString("identityError")).contains("unreachable");
    String slug = pending.getString("slug");
    assertThat(Http.get(Http.hostOf(slug), "/").status())
        .as("the portal works meanwhile")
        .isEqualTo(200);

    Http.Response retried = retryProvisioning(slug);
    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    assertThat(retried.json().getString("identity")).isEqualTo("SYNCED");
    assertThat(organization(slug).getString("name")).isEqualTo(commune.name());
    Http.Response again = retryProvisioning(slug);
    assertThat(again.json().getString("identity")).as("idempotent").isEqualTo("SYNCED");
  }
}
