package fr.cite.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/** Which page a request gets, depending on its host. */
class HostResolutionIT extends CiteIntegrationTest {

  @Test
  void aTownHostServesThatTownsHomePageInFrench() {
    TestTowns.Town town = TestTowns.onboard();
    Http.Response r = Http.get(town.host(), "/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body())
        .contains("<html", "lang=\"fr\"")
        .contains(
            "<h1 id=\"welcome\">Bienvenue sur le portail citoyen "
                + town.commune().withPreposition())
        .contains("Mairie " + town.commune().withPreposition())
        .contains("href=\"#contenu\"");
    assertThat(r.header("Set-Cookie")).as("no session for an anonymous page").isNull();
    assertThat(Http.themeCss(town.host(), "/")).contains("--town-primary:#000091");
  }

  @Test
  void theLanguageSwitchGivesEnglishAndIsRemembered() {
    TestTowns.Town town = TestTowns.onboard();
    Http.Response en = Http.get(town.host(), "/?lang=en");
    assertThat(en.body())
        .contains("lang=\"en\"")
        .contains("Welcome to the citizen portal of " + town.name());
    assertThat(en.header("Set-Cookie")).contains("cite_lang=en").containsIgnoringCase("HttpOnly");
    Http.Response next = Http.get(town.host(), "/", "Cookie", "cite_lang=en");
    assertThat(next.body()).contains("lang=\"en\"").contains("Your town hall");
    assertThat(Http.get(town.host(), "/?lang=fr").body()).contains("Votre mairie");
  }

  @Test
  void thePlatformHostShowsThePlatformsLandingPage() {
    TestTowns.Town town = TestTowns.onboard();
    Http.Response r = Http.get(Http.PLATFORM, "/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("Cité, le portail citoyen des communes").contains(town.name());
  }

  @Test
  void anUnknownHostGetsTheLandingPageWith404AndNoTownsData() {
    Http.Response page = Http.get("nowhere-at-all.localhost", "/");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("Adresse inconnue").contains("nowhere-at-all.localhost");
    Http.Response api = Http.get("nowhere-at-all.localhost", "/api/v1/town");
    Checks.assertProblem(api, 404, "unknown-host");
    Checks.assertProblem(Http.get("evil.example.org", "/api/v1/town"), 404, "unknown-host");
  }

  @Test
  void aVerifiedCustomDomainServesTheTownAndAnUnverifiedOneDoesNot() throws Exception {
    TestTowns.Town town = TestTowns.onboard();
    String verified = "portail-" + town.slug() + ".example.fr";
    String pending = "attente-" + town.slug() + ".example.fr";
    try (Connection db = TestDatabase.asSuperuser();
        PreparedStatement ps =
            db.prepareStatement(
                "insert into tenant_domain (id, tenant_id, host, verified_at, created_at)"
                    + " values (nextval('tenant_domain_seq'), ?, ?, ?, now())")) {
      ps.setLong(1, town.id());
      ps.setString(2, verified);
      ps.setObject(3, java.time.OffsetDateTime.now());
      ps.executeUpdate();
      ps.setLong(1, town.id());
      ps.setString(2, pending);
      ps.setObject(3, null);
      ps.executeUpdate();
    }
    Http.Response r = Http.get(verified, "/api/v1/town");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("slug")).isEqualTo(town.slug());
    assertThat(Http.get(verified, "/").body()).contains(town.name());
    assertThat(Http.get(pending, "/").status()).isEqualTo(404);
    Checks.assertProblem(Http.get(pending, "/api/v1/town"), 404, "unknown-host");
  }

  @Test
  void aSuspendedTownShowsServiceSuspendedUntilReactivated() {
    TestTowns.Town town = TestTowns.onboard();
    String status = "/api/v1/platform/towns/" + town.slug() + "/status";
    Http.Response suspended =
        Http.putJson(
            Http.PLATFORM,
            status,
            "{\"status\":\"SUSPENDED\",\"reason\":\"Contrat non renouvelé\"}",
            Http.operator());
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
    assertThat(suspended.json().getString("statusReason")).isEqualTo("Contrat non renouvelé");

    Http.Response page = Http.get(town.host(), "/");
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body())
        .contains("Service suspendu")
        .contains(town.name())
        .doesNotContain("Mairie ");
    Checks.assertProblem(Http.get(town.host(), "/api/v1/town"), 503, "town-suspended");
    Http.Response console = Http.get(town.host(), "/admin/");
    assertThat(console.status()).as("sign-in first, never the town's data").isIn(302, 503);
    assertThat(console.body()).doesNotContain("Mairie ");

    Checks.assertProblem(
        Http.putJson(Http.PLATFORM, status, "{\"status\":\"SUSPENDED\"}", Http.operator()),
        400,
        "bad-parameter");
    Http.putJson(Http.PLATFORM, status, "{\"status\":\"LIVE\"}", Http.operator());
    assertThat(Http.get(town.host(), "/").status()).isEqualTo(200);
  }

  @Test
  void unknownPagesAre404WithoutAStackTrace() {
    TestTowns.Town town = TestTowns.onboard();
    Http.Response r = Http.get(town.host(), "/no-such-page.xhtml");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("Page introuvable").doesNotContain("Exception");
    Checks.assertProblem(Http.get(town.host(), "/api/v1/nothing-here"), 404, "not-found");
  }
}
