package fr.cite.it.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A town administrator edits the catalogue: the change shows at once on the pages and the API (the
 * town's cached catalogue is dropped), bad edits are refused with problems, bodies are sanitised,
 * usage ranks the most requested services; and nothing of it ever reaches another town, through the
 * pages, the API or the database.
 */
class CatalogueEditingIT extends CiteIntegrationTest {

  static TestTowns.Town a;
  static TestTowns.Town b;
  static TownStaff.Member adminOfA;

  @BeforeAll
  static void twoTownsAndAnAdministrator() throws Exception {
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
    adminOfA = TownStaff.member(a, "catalogue-admin", "TOWN_ADMIN");
  }

  static String procedureJson(String title, String extra) {
    return "{\"titleFr\":\""
        + title
        + "\",\"summaryFr\":\"Résumé de la démarche.\",\"status\":\"PUBLISHED\","
        + "\"themes\":[\"actes-etat-civil\"],\"profiles\":[\"familles\"],"
        + "\"channels\":[{\"kind\":\"COUNTER\",\"address\":\"Hôtel de ville\"},"
        + "{\"kind\":\"ONLINE\",\"url\":\"https://www.service-public.fr\"}]"
        + extra
        + "}";
  }

  static Http.Response put(TestTowns.Town town, String slug, String json, String... headers) {
    return Http.putJson(town.host(), "/api/v1/admin/catalogue/procedures/" + slug, json, headers);
  }

  @Test
  void aChangeIsVisibleAtOnceOnThePagesAndTheApi() {
    // Warm every cache first.
    assertThat(Http.get(a.host(), "/").body()).contains("Demander un acte de naissance");
    assertThat(Http.get(a.host(), "/themes/actes-etat-civil").body())
        .contains("Demander un acte de naissance");
    assertThat(Http.get(a.host(), "/demarches/acte-de-naissance").status()).isEqualTo(200);

    Http.Response r =
        put(
            a,
            "acte-de-naissance",
            procedureJson("Obtenir un acte de naissance (nouveau)", ",\"editorialRank\":1"),
            adminOfA.bearer());
    assertThat(r.status()).as(r.body()).isEqualTo(200);

    assertThat(Http.get(a.host(), "/").body()).contains("Obtenir un acte de naissance (nouveau)");
    assertThat(Http.get(a.host(), "/themes/actes-etat-civil").body())
        .contains("Obtenir un acte de naissance (nouveau)");
    assertThat(Http.get(a.host(), "/demarches/acte-de-naissance").body())
        .contains("Obtenir un acte de naissance (nouveau)");
    assertThat(
            Http.get(a.host(), "/api/v1/catalogue/procedures/acte-de-naissance")
                .json()
                .getString("title"))
        .isEqualTo("Obtenir un acte de naissance (nouveau)");
    assertThat(Http.get(a.host(), "/recherche?q=nouveau").body())
        .contains("Obtenir un acte de naissance (nouveau)");

    assertThat(Http.get(b.host(), "/").body())
        .doesNotContain("(nouveau)")
        .contains("Demander un acte de naissance");
    assertThat(
            Http.get(b.host(), "/api/v1/catalogue/procedures/acte-de-naissance")
                .json()
                .getString("title"))
        .isEqualTo("Demander un acte de naissance");
  }

  @Test
  void pagesServedFromMemoryFollowTheTownsBranding() {
    String first = Http.get(a.host(), "/themes/famille").body();
    assertThat(Http.get(a.host(), "/themes/famille").body()).isEqualTo(first);
    Http.Response branded =
        Http.putJson(
            Http.PLATFORM,
            "/api/v1/platform/towns/" + a.slug() + "/branding",
            "{\"primaryColor\":\"#5a1e82\",\"secondaryColor\":\"#d1495b\"}",
            Http.operator());
    assertThat(branded.status()).isEqualTo(200);
    assertThat(Http.themeCss(a.host(), "/themes/famille")).contains("--town-primary:#5a1e82");
    assertThat(Http.get(b.host(), "/themes/famille").body()).doesNotContain("#5a1e82");
  }

  @Test
  void aNewProcedureOfOneTownIsNowhereInAnother() throws SQLException {
    Http.Response created =
        put(
            a,
            "permis-de-vegetaliser",
            procedureJson("Obtenir un permis de végétaliser", ""),
            adminOfA.bearer());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(Http.get(a.host(), "/demarches/permis-de-vegetaliser").status()).isEqualTo(200);
    assertThat(Http.get(a.host(), "/api/v1/catalogue/search?q=vegetaliser").body())
        .contains("permis-de-vegetaliser");

    assertThat(Http.get(b.host(), "/demarches/permis-de-vegetaliser").status()).isEqualTo(404);
    assertThat(Http.get(b.host(), "/api/v1/catalogue/procedures/permis-de-vegetaliser").status())
        .isEqualTo(404);
    assertThat(
            Http.get(b.host(), "/api/v1/catalogue/search?q=vegetaliser")
                .json()
                .getInt("totalItems"))
        .isZero();
    assertThat(Http.get(b.host(), "/recherche?q=v%C3%A9g%C3%A9taliser").body())
        .doesNotContain("permis-de-vegetaliser");

    // The same administrator's token does nothing on the other town.
    Http.Response onB =
        put(b, "permis-de-vegetaliser", procedureJson("Intrus", ""), adminOfA.bearer());
    assertThat(onB.status()).isEqualTo(403);
    assertThat(Http.get(b.host(), "/api/v1/catalogue/procedures/permis-de-vegetaliser").status())
        .isEqualTo(404);

    // In the database, as the application: B's transaction sees none of A's catalogue.
    try (Connection app = TestDatabase.asApplication()) {
      app.setAutoCommit(false);
      setTenant(app, b.id());
      assertThat(
              Checks.count(
                  app, "select count(*) from catalogue_procedure where tenant_id = " + a.id()))
          .isZero();
      assertThat(
              Checks.count(
                  app,
                  "select count(*) from catalogue_procedure where slug = 'permis-de-vegetaliser'"))
          .isZero();
      assertThat(
              Checks.count(
                  app, "select count(*) from catalogue_theme where tenant_id <> " + b.id()))
          .isZero();
      assertThat(Checks.count(app, "select count(*) from catalogue_procedure"))
          .isGreaterThanOrEqualTo(40);
      app.rollback();
    }
  }

  @Test
  void theDatabaseRefusesToLinkOneTownsProcedureToAnotherTownsTheme() throws SQLException {
    long themeOfA;
    long procedureOfB;
    try (Connection su = TestDatabase.asSuperuser()) {
      themeOfA =
          Checks.count(
              su,
              "select id from catalogue_theme where slug = 'famille' and tenant_id = " + a.id());
      procedureOfB =
          Checks.count(
              su,
              "select id from catalogue_procedure where slug = 'passeport' and tenant_id = "
                  + b.id());
    }
    try (Connection app = TestDatabase.asApplication()) {
      app.setAutoCommit(false);
      setTenant(app, b.id());
      assertThatThrownBy(
              () ->
                  app.createStatement()
                      .executeUpdate(
                          "insert into catalogue_procedure_theme (procedure_id, theme_id) values ("
                              + procedureOfB
                              + ", "
                              + themeOfA
                              + ")"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("foreign key");
      app.rollback();
      setTenant(app, b.id());
      assertThatThrownBy(
              () ->
                  app.createStatement()
                      .executeUpdate(
                          "insert into catalogue_procedure_theme (tenant_id, procedure_id, theme_id) values ("
                              + a.id()
                              + ", "
                              + procedureOfB
                              + ", "
                              + themeOfA
                              + ")"))
          .isInstanceOf(SQLException.class);
      app.rollback();
      setTenant(app, b.id());
      assertThat(
              app.createStatement()
                  .executeUpdate(
                      "update catalogue_procedure set title_fr = 'x' where tenant_id = " + a.id()))
          .isZero();
      assertThat(
              app.createStatement()
                  .executeUpdate("delete from catalogue_highlight where tenant_id = " + a.id()))
          .isZero();
      app.rollback();
    }
  }

  @Test
  void highlightsShowOnlyBetweenTheirDates() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    Http.Response now =
        Http.postJson(
            a.host(),
            "/api/v1/admin/catalogue/highlights",
            highlight("Recensement de la population", today, today.plusDays(1)),
            adminOfA.bearer());
    assertThat(now.status()).as(now.body()).isEqualTo(201);
    Http.Response later =
        Http.postJson(
            a.host(),
            "/api/v1/admin/catalogue/highlights",
            highlight("Fête de la musique", today.plusDays(10), today.plusDays(11)),
            adminOfA.bearer());
    assertThat(later.status()).isEqualTo(201);
    Http.Response ended =
        Http.postJson(
            a.host(),
            "/api/v1/admin/catalogue/highlights",
            highlight("Brocante de printemps", today.minusDays(10), today.minusDays(1)),
            adminOfA.bearer());
    assertThat(ended.status()).isEqualTo(201);

    String home = Http.get(a.host(), "/").body();
    assertThat(home)
        .contains("Recensement de la population")
        .doesNotContain("Fête de la musique", "Brocante de printemps");
    assertThat(Http.get(a.host(), "/api/v1/catalogue/highlights").body())
        .contains("Recensement de la population")
        .doesNotContain("Fête de la musique");
    assertThat(Http.get(b.host(), "/").body()).doesNotContain("Recensement de la population");

    long id = now.json().getJsonNumber("id").longValue();
    assertThat(
            Http.send(
                    a.host(),
                    "/api/v1/admin/catalogue/highlights/" + id,
                    "application/json",
                    new byte[0],
                    "DELETE",
                    adminOfA.bearer())
                .status())
        .isEqualTo(204);
    assertThat(Http.get(a.host(), "/").body()).doesNotContain("Recensement de la population");
  }

  static String highlight(String title, LocalDate from, LocalDate to) {
    return "{\"titleFr\":\""
        + title
        + "\",\"textFr\":\"Texte.\",\"link\":\"/demarches/passeport\",\"startsOn\":\""
        + from
        + "\",\"endsOn\":\""
        + to
        + "\",\"priority\":5}";
  }

  @Test
  void badEditsAreRefusedWithClearProblemsAndChangeNothing() {
    record Case(String json, int status, String expected) {}
    for (Case c :
        List.of(
            new Case("{", 400, "malformed-json"),
            new Case("{\"summaryFr\":\"x\",\"status\":\"PUBLISHED\"}", 400, "titleFr"),
            new Case(procedureJson("x".repeat(201), ""), 400, "200"),
            new Case(
                procedureJson("Titre", ",\"themes\":[\"theme-inconnu\"]")
                    .replace("\"themes\":[\"actes-etat-civil\"],", ""),
                422,
                "unknown-theme"),
            new Case(
                procedureJson("Titre", "")
                    .replace(
                        "\"url\":\"https://www.service-public.fr\"",
                        "\"url\":\"javascript:alert(1)\""),
                400,
                "url"),
            new Case(
                "{\"titleFr\":\"T\",\"summaryFr\":\"S\",\"status\":\"PUBLISHED\",\"channels\":[{\"kind\":\"ONLINE\"}]}",
                400,
                "complete"),
            new Case(
                "{\"titleFr\":\"T\",\"summaryFr\":\"S\",\"status\":\"PUBLISHED\",\"related\":[\"demarche-refusee\"]}",
                422,
                "related-to-itself"))) {
      Http.Response r = put(a, "demarche-refusee", c.json(), adminOfA.bearer());
      assertThat(r.status()).as(c.json() + " → " + r.body()).isEqualTo(c.status());
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.body()).contains(c.expected());
    }
    assertThat(Http.get(a.host(), "/api/v1/catalogue/procedures/demarche-refusee").status())
        .isEqualTo(404);
    assertThat(put(a, "Slug%20Invalide", procedureJson("T", ""), adminOfA.bearer()).status())
        .isEqualTo(400);
    assertThat(put(a, "sans-jeton", procedureJson("T", "")).status()).isEqualTo(401);
    Http.Response english =
        put(
            a,
            "demarche-refusee",
            procedureJson("x".repeat(201), ""),
            "Authorization",
            "Bearer " + adminOfA.token(),
            "Accept-Language",
            "en");
    assertThat(english.body()).contains("longer than 200 characters");
  }

  @Test
  void theTownEditsItsThemesAndProfiles() {
    String admin = "/api/v1/admin/catalogue/";
    Http.Response profile =
        Http.putJson(
            a.host(),
            admin + "profiles/etudiants",
            "{\"nameFr\":\"Étudiants\",\"nameEn\":\"Students\",\"position\":3}",
            adminOfA.bearer());
    assertThat(profile.status()).as(profile.body()).isEqualTo(201);
    assertThat(Http.get(a.host(), "/").body()).contains("/profils/etudiants");
    assertThat(Http.get(a.host(), "/profils/etudiants?lang=en").body())
        .contains("<h1 lang=\"en\">Students</h1>");
    assertThat(Http.get(b.host(), "/profils/etudiants").status()).isEqualTo(404);

    Http.Response sub =
        Http.putJson(
            a.host(),
            admin + "themes/cantine-bio",
            "{\"parent\":\"famille\",\"nameFr\":\"Cantine bio\",\"position\":9}",
            adminOfA.bearer());
    assertThat(sub.status()).as(sub.body()).isEqualTo(201);
    assertThat(Http.get(a.host(), "/themes/famille").body()).contains("Cantine bio");
    assertThat(
            Http.get(a.host(), "/api/v1/catalogue/themes/cantine-bio").json().getString("parent"))
        .isEqualTo("famille");

    Http.Response tooDeep =
        Http.putJson(
            a.host(),
            admin + "themes/trop-profond",
            "{\"parent\":\"cantine-bio\",\"nameFr\":\"Trop profond\",\"position\":0}",
            adminOfA.bearer());
    assertThat(tooDeep.status()).isEqualTo(422);
    assertThat(tooDeep.json().getString("type")).endsWith("theme-too-deep");
    Http.Response notEmpty =
        Http.send(
            a.host(),
            admin + "themes/famille",
            "application/json",
            new byte[0],
            "DELETE",
            adminOfA.bearer());
    assertThat(notEmpty.status()).isEqualTo(409);
    assertThat(
            Http.send(
                    a.host(),
                    admin + "profiles/etudiants",
                    "application/json",
                    new byte[0],
                    "DELETE",
                    adminOfA.bearer())
                .status())
        .isEqualTo(204);
    assertThat(Http.get(a.host(), "/profils/etudiants").status()).isEqualTo(404);
  }

  @Test
  void bodiesAreSanitisedOnSave() {
    Http.Response r =
        put(
            a,
            "corps-nettoye",
            procedureJson(
                "Corps nettoyé",
                ",\"bodyFr\":\"<p onclick=\\\"x()\\\">Texte <strong>utile</strong></p><script>alert(1)</script>\""),
            adminOfA.bearer());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String body =
        Http.get(a.host(), "/api/v1/catalogue/procedures/corps-nettoye").json().getString("body");
    assertThat(body).isEqualTo("<p>Texte <strong>utile</strong></p>");
    assertThat(Http.get(a.host(), "/demarches/corps-nettoye").body())
        .doesNotContain("alert(1)", "onclick");
  }

  @Test
  void usageRanksTheMostRequestedServicesOfEachTownOnly() throws Exception {
    String page = Http.get(a.host(), "/demarches/registre-canicule").body();
    Matcher m = Pattern.compile("/demarches/registre-canicule/en-ligne/([0-9]+)").matcher(page);
    assertThat(m.find()).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(
              Http.get(
                      a.host(),
                      "/demarches/registre-canicule",
                      "User-Agent",
                      fr.cite.it.support.UsageCountingBrowser.UA)
                  .status())
          .isEqualTo(200);
    }
    Http.Response start =
        Http.get(
            a.host(),
            "/demarches/registre-canicule/en-ligne/" + m.group(1),
            "User-Agent",
            fr.cite.it.support.UsageCountingBrowser.UA);
    assertThat(start.status()).isEqualTo(303);
    // Cité's own e-service: the form of the request type tied to the procedure.
    assertThat(start.header("Location")).isEqualTo("/compte/demandes/nouvelle/registre-canicule");
    assertThat(Http.get(b.host(), "/demarches/registre-canicule/en-ligne/" + m.group(1)).status())
        .isEqualTo(404);

    long deadline = System.currentTimeMillis() + 15_000;
    String first = "";
    while (System.currentTimeMillis() < deadline) {
      first =
          Http.get(a.host(), "/api/v1/catalogue/most-requested")
              .structure()
              .asJsonArray()
              .getJsonObject(0)
              .getString("slug");
      if (first.equals("registre-canicule")) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(first).isEqualTo("registre-canicule");
    JsonObject firstOfB =
        Http.get(b.host(), "/api/v1/catalogue/most-requested")
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    assertThat(firstOfB.getString("slug")).isNotEqualTo("registre-canicule");
    assertThat(Http.get(a.host(), "/").body()).contains("S’inscrire sur le registre canicule");
    try (Connection su = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  su,
                  "select coalesce(sum(views), 0) from catalogue_usage where tenant_id = "
                      + a.id()))
          .as("six views by one visitor count once")
          .isEqualTo(1);
      assertThat(
              Checks.count(
                  su,
                  "select coalesce(sum(starts), 0) from catalogue_usage where tenant_id = "
                      + a.id()))
          .isEqualTo(1);
      assertThat(
              Checks.count(su, "select count(*) from catalogue_usage where tenant_id = " + b.id()))
          .isZero();
    }
  }

  static void setTenant(Connection c, long tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      ps.setString(1, Long.toString(tenantId));
      ps.executeQuery().close();
    }
  }
}
