package fr.cite.it.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue API of a newly onboarded town: its starter catalogue, the three boxes of a
 * procedure, search in French and English, the OpenAPI description, and bad input answered with
 * problem JSON, never a 500.
 */
class CatalogueApiIT extends CiteIntegrationTest {

  static TestTowns.Town town;

  @BeforeAll
  static void aNewTown() {
    TestKeycloak.awaitReady();
    town = TestTowns.onboard();
  }

  static Http.Response get(String path, String... headers) {
    return Http.get(town.host(), path, headers);
  }

  static List<String> slugs(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("slug"))
        .toList();
  }

  static List<String> search(String q) {
    Http.Response r =
        get("/api/v1/catalogue/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return slugs(r.json());
  }

  @Test
  void aNewTownStartsWithAFullCatalogueInFrench() {
    JsonObject all = get("/api/v1/catalogue/procedures?size=100").json();
    assertThat(all.getInt("totalItems")).isGreaterThanOrEqualTo(40);
    JsonArray themes = get("/api/v1/catalogue/themes").structure().asJsonArray();
    assertThat(themes.getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("name"))
        .contains("État civil et citoyenneté", "Famille", "Urbanisme et logement");
    JsonObject family =
        themes.getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("slug").equals("famille"))
            .findFirst()
            .orElseThrow();
    assertThat(family.getJsonArray("children").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("slug"))
        .contains("petite-enfance", "ecole-periscolaire");
    assertThat(get("/api/v1/catalogue/profiles").structure().asJsonArray())
        .hasSizeGreaterThanOrEqualTo(7);
    assertThat(slugs(get("/api/v1/catalogue/themes/petite-enfance/procedures").json()))
        .contains("inscription-creche", "assistante-maternelle");
    assertThat(slugs(get("/api/v1/catalogue/profiles/seniors/procedures").json()))
        .contains("portage-repas", "registre-canicule");
  }

  @Test
  void aProcedureShowsItsChannelsMoreInformationAndRelatedProcedures() {
    JsonObject p = get("/api/v1/catalogue/procedures/carte-identite").json();
    assertThat(p.getString("title")).isEqualTo("Faire sa carte d’identité");
    assertThat(p.getBoolean("online")).isTrue();
    List<JsonObject> channels = p.getJsonArray("channels").getValuesAs(JsonObject.class);
    assertThat(channels).extracting(c -> c.getString("kind")).containsExactly("ONLINE", "COUNTER");
    assertThat(channels.get(1).getBoolean("appointment")).isTrue();
    assertThat(channels.get(1).getString("address")).contains(town.name());
    JsonObject more = p.getJsonObject("moreInformation");
    assertThat(more.getJsonArray("documents").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .contains("Justificatif de domicile");
    assertThat(more.getString("cost")).contains("25 €");
    assertThat(p.getJsonArray("related").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("slug"))
        .containsExactly("passeport");
  }

  @Test
  void englishReadersGetTheTranslation() {
    JsonObject p =
        get("/api/v1/catalogue/procedures/carte-identite", "Accept-Language", "en").json();
    assertThat(p.getString("title")).isEqualTo("Apply for an identity card");
    assertThat(p.getJsonArray("channels").getJsonObject(0).getString("label"))
        .isEqualTo("Pre-application on the ANTS website");
  }

  @Test
  void searchIgnoresCaseAndAccentsStemsAndRanksTheBestMatchFirst() {
    assertThat(search("ETAT CIVIL")).isNotEmpty();
    assertThat(search("carte d'identite").get(0)).isEqualTo("carte-identite");
    assertThat(search("inscriptions écoles").get(0)).isEqualTo("inscription-scolaire");
    assertThat(search("cantine")).contains("restauration-scolaire");
  }

  @Test
  void searchToleratesTyposAndFindsEnglishTitles() {
    assertThat(search("pasport").get(0)).isEqualTo("passeport");
    assertThat(search("encombrant").get(0)).isEqualTo("encombrants");
    assertThat(search("passport")).contains("passeport");
    assertThat(search("birth certificate").get(0)).isEqualTo("acte-de-naissance");
    assertThat(search("xylophone quantique")).isEmpty();
  }

  @Test
  void searchIsPaginatedWithATotal() {
    JsonObject first = get("/api/v1/catalogue/search?q=mairie&size=2").json();
    assertThat(first.getJsonArray("items")).hasSizeLessThanOrEqualTo(2);
    assertThat(first.getJsonNumber("totalItems").longValue())
        .isGreaterThanOrEqualTo(first.getJsonArray("items").size());
    JsonObject past = get("/api/v1/catalogue/search?q=mairie&size=2&page=500").json();
    assertThat(past.getJsonArray("items")).isEmpty();
    assertThat(past.getJsonNumber("totalItems").longValue())
        .isEqualTo(first.getJsonNumber("totalItems").longValue());
  }

  @Test
  void badInputGetsAProblemNeverAServerError() {
    record Case(String path, int status, String code) {}
    for (Case c :
        List.of(
            new Case("/api/v1/catalogue/procedures/n-existe-pas", 404, "procedure-not-found"),
            new Case("/api/v1/catalogue/themes/n-existe-pas", 404, "theme-not-found"),
            new Case(
                "/api/v1/catalogue/profiles/n-existe-pas/procedures", 404, "profile-not-found"),
            new Case("/api/v1/catalogue/procedures/Pas%20Un%20Slug", 400, "bad-slug"),
            new Case("/api/v1/catalogue/procedures?size=0", 400, "bad-parameter"),
            new Case("/api/v1/catalogue/procedures?size=1000", 400, "bad-parameter"),
            new Case("/api/v1/catalogue/procedures?page=-1", 400, "bad-parameter"),
            new Case("/api/v1/catalogue/procedures?page=abc", 400, "bad-parameter"),
            new Case("/api/v1/catalogue/search", 400, "search-query-missing"),
            new Case("/api/v1/catalogue/search?q=%20%20", 400, "search-query-missing"),
            new Case("/api/v1/catalogue/search?q=" + "a".repeat(201), 400, "search-query-too-long"),
            new Case("/api/v1/catalogue/search?q=%27%3B%20drop%20table%20tenant%3B--", 200, null),
            new Case("/api/v1/catalogue/search?q=%22unterminated%20%26%20%21%28", 200, null))) {
      Http.Response r = get(c.path());
      assertThat(r.status()).as(c.path() + " " + r.body()).isEqualTo(c.status());
      if (c.code() != null) {
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().getString("type")).endsWith(c.code());
        assertThat(r.json().getString("title")).isNotBlank();
      }
    }
    Http.Response english = get("/api/v1/catalogue/search", "Accept-Language", "en");
    assertThat(english.json().getString("title")).isEqualTo("Empty search");
  }

  @Test
  void theCatalogueExistsOnlyOnATownsHost() {
    Http.Response r = Http.get(Http.PLATFORM, "/api/v1/catalogue/themes");
    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void theOpenApiDescriptionDocumentsTheCatalogue() {
    Http.Response r = Http.get(town.host(), "/openapi?format=JSON");
    assertThat(r.status()).isEqualTo(200);
    JsonObject paths = r.json().getJsonObject("paths");
    assertThat(paths.keySet())
        .contains(
            "/api/v1/catalogue/themes",
            "/api/v1/catalogue/procedures/{slug}",
            "/api/v1/catalogue/search",
            "/api/v1/catalogue/most-requested",
            "/api/v1/catalogue/highlights")
        .noneMatch(p -> p.startsWith("/health"))
        // Open311 is its own application under /open311: the scanner must not lend its path to
        // the API's resources (it did, depending on which application it read last)
        .allMatch(p -> p.startsWith("/api/"));
    assertThat(
            paths
                .getJsonObject("/api/v1/catalogue/search")
                .getJsonObject("get")
                .getString("summary"))
        .isNotBlank();
  }
}
