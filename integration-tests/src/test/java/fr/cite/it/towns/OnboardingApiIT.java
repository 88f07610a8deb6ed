package fr.cite.it.towns;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import fr.cite.platform.communes.Commune;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The provider API that onboards towns from the official list of communes. */
class OnboardingApiIT extends CiteIntegrationTest {

  static final String TOWNS = "/api/v1/platform/towns";

  static Http.Response onboard(String body, String... headers) {
    return Http.postJson(Http.PLATFORM, TOWNS, body, Http.operator(headers));
  }

  @Test
  void onboardsACommuneWithEverythingTheOfficialListKnows() {
    Commune c = TestTowns.unusedCommune();
    Http.Response r = onboard("{\"inseeCode\":\"" + c.inseeCode() + "\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonObject town = r.json();
    assertThat(town.getString("name")).isEqualTo(c.name());
    assertThat(town.getString("inseeCode")).isEqualTo(c.inseeCode());
    assertThat(town.getString("siren", null)).isEqualTo(c.siren());
    assertThat(town.getString("departement")).isEqualTo(c.departement());
    assertThat(town.containsKey("population") ? (Integer) town.getInt("population") : null)
        .isEqualTo(c.population());
    assertThat(town.getJsonArray("postcodes").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactlyElementsOf(c.postcodes());
    assertThat(town.getString("status")).isEqualTo("TRIAL");
    assertThat(town.getBoolean("provisioned")).isTrue();
    String slug = town.getString("slug");
    assertThat(town.getJsonArray("hosts").getString(0)).isEqualTo(slug + ".localhost");
    assertThat(r.header("Location")).endsWith(TOWNS + "/" + slug);

    Http.Response again = Http.get(Http.PLATFORM, TOWNS + "/" + slug, Http.operator());
    assertThat(again.json().getString("inseeCode")).isEqualTo(c.inseeCode());
    Http.Response portal = Http.get(Http.hostOf(slug), "/api/v1/town");
    assertThat(portal.status()).isEqualTo(200);
    assertThat(portal.json().getString("name")).isEqualTo(c.name());
  }

  @Test
  void refusesCallersWithoutTheOperatorToken() {
    Http.Response missing = Http.postJson(Http.PLATFORM, TOWNS, "{\"inseeCode\":\"01001\"}");
    Checks.assertProblem(missing, 401, "operator-token-missing");
    assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
    Http.Response wrong = Http.get(Http.PLATFORM, TOWNS, "Authorization", "Bearer not-the-token");
    Checks.assertProblem(wrong, 401, "operator-token-invalid");
    Http.Response basic = Http.get(Http.PLATFORM, TOWNS, "Authorization", "Basic b3A6b3A=");
    Checks.assertProblem(basic, 401, "operator-token-missing");
  }

  @Test
  void theProviderApiDoesNotExistOnATownHost() {
    TestTowns.Town town = TestTowns.onboard();
    Checks.assertProblem(Http.get(town.host(), TOWNS, Http.operator()), 404, "platform-only");
  }

  @Test
  void malformedBodiesAre400WithTheInvalidFieldsNamed() {
    Checks.assertProblem(onboard("{\"inseeCode\":"), 400, "malformed-json");
    Checks.assertProblem(onboard("[1,2,3]"), 400, "malformed-body");
    Checks.assertProblem(
        onboard("{\"inseeCode\":\"76351\",\"status\":\"BOGUS\"}"), 400, "malformed-body");
    Http.Response empty = onboard("{}");
    Checks.assertProblem(empty, 400, "invalid-request");
    assertThat(empty.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("inseeCode");
    Http.Response xml =
        Http.send(
            Http.PLATFORM, TOWNS, "application/xml", "<town/>".getBytes(), "POST", Http.operator());
    Checks.assertProblem(xml, 415, "unsupported-media-type");
  }

  @Test
  void unknownFormerAndMalformedCodesAre422WithAnExplanation() {
    Checks.assertProblem(onboard("{\"inseeCode\":\"99999\"}"), 422, "unknown-insee-code");
    Checks.assertProblem(onboard("{\"inseeCode\":\"abc\"}"), 422, "malformed-insee-code");
    Http.Response former = onboard("{\"inseeCode\":\"76102\"}", "Accept-Language", "en");
    Checks.assertProblem(former, 422, "former-insee-code");
    assertThat(former.json().getString("detail")).contains("Le Havre").contains("76351");
    assertThat(former.json().getString("title")).isEqualTo("Not a current commune");
    Http.Response french = onboard("{\"inseeCode\":\"76102\"}");
    assertThat(french.json().getString("title")).isEqualTo("Commune non actuelle");
  }

  @Test
  void aTownCannotBeOnboardedTwice() {
    TestTowns.Town town = TestTowns.onboard();
    Http.Response again = onboard("{\"inseeCode\":\"" + town.commune().inseeCode() + "\"}");
    Checks.assertProblem(again, 409, "town-already-onboarded");
    assertThat(again.json().getString("detail")).contains(town.name());
  }

  @Test
  void onboardingTheSameTownConcurrentlyYieldsOneTown() throws Exception {
    Commune c = TestTowns.unusedCommune();
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Http.Response>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<Http.Response> call =
            () -> {
              start.await();
              return onboard("{\"inseeCode\":\"" + c.inseeCode() + "\"}");
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      int created = 0;
      int conflicts = 0;
      for (Future<Http.Response> f : results) {
        int status = f.get().status();
        created += status == 201 ? 1 : 0;
        conflicts += status == 409 ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
      assertThat(conflicts).isEqualTo(callers - 1);
    } finally {
      pool.shutdownNow();
    }
    try (Connection db = TestDatabase.asSuperuser();
        PreparedStatement ps =
            db.prepareStatement(
                "select count(*), (select count(*) from town_office o where o.tenant_id = max(t.id))"
                    + " from tenant t where t.insee_code = ?")) {
      ps.setString(1, c.inseeCode());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).as("towns").isEqualTo(1);
        assertThat(rs.getInt(2)).as("town halls").isEqualTo(1);
      }
    }
  }

  @Test
  void listsTownsPageByPageAndRejectsBadPaging() {
    TestTowns.onboard();
    TestTowns.onboard();
    Http.Response page = Http.get(Http.PLATFORM, TOWNS + "?size=1&page=1", Http.operator());
    assertThat(page.status()).isEqualTo(200);
    JsonObject json = page.json();
    assertThat(json.getJsonArray("items")).hasSize(1);
    assertThat(json.getInt("size")).isEqualTo(1);
    assertThat(json.getJsonNumber("totalItems").longValue()).isGreaterThanOrEqualTo(2);
    assertThat(json.getJsonNumber("totalPages").longValue())
        .isEqualTo(json.getJsonNumber("totalItems").longValue());
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS + "?size=0", Http.operator()), 400, "bad-parameter");
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS + "?size=1000", Http.operator()), 400, "bad-parameter");
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS + "?page=abc", Http.operator()), 400, "bad-parameter");
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS + "?status=gone", Http.operator()), 400, "bad-parameter");
    Http.Response live = Http.get(Http.PLATFORM, TOWNS + "?status=live&size=100", Http.operator());
    assertThat(live.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .allSatisfy(t -> assertThat(t.getString("status")).isEqualTo("LIVE"));
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS + "/no-such-town", Http.operator()), 404, "town-not-found");
  }

  @Test
  void rejectsFakeImagesAndBadColoursWithoutChangingTheTown() {
    TestTowns.Town town = TestTowns.onboard();
    String base = TOWNS + "/" + town.slug();
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes();
    Checks.assertProblem(
        Http.putBytes(Http.PLATFORM, base + "/logo", "image/png", svg, Http.operator()),
        422,
        "logo-not-png-or-jpeg");
    Checks.assertProblem(
        Http.putJson(
            Http.PLATFORM,
            base + "/branding",
            "{\"primaryColor\":\"red\",\"secondaryColor\":\"#000000\"}",
            Http.operator()),
        400,
        "invalid-request");
    JsonObject after = Http.get(Http.PLATFORM, base, Http.operator()).json();
    assertThat(after.getJsonObject("branding").getString("primaryColor")).isEqualTo("#000091");
    Checks.assertProblem(Http.get(town.host(), "/api/v1/town/logo"), 404, "logo-not-found");
  }
}
