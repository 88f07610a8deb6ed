package fr.cite.it.towns;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A town administrator's portal settings through the API: a custom domain is added pending, serves
 * nothing until the town publishes its token on the domain's web server (played here by a small
 * HTTP server the checks are pointed at), then serves that town's portal and no other; another town
 * can neither claim nor touch it. The default language changes what a reader without a choice gets.
 */
class TownSettingsIT extends CiteIntegrationTest {

  static final String DOMAINS = "/api/v1/admin/town/domains";

  /** What each domain's web server publishes at the verification path. */
  static final Map<String, String> published = new ConcurrentHashMap<>();

  static HttpServer webServer;
  static TestTowns.Town a;
  static TestTowns.Town b;
  static TownStaff.Member adminOfA;
  static TownStaff.Member adminOfB;

  @BeforeAll
  static void twoTownsAndTheirAdministrators() throws Exception {
    webServer =
        HttpServer.create(
            new InetSocketAddress(
                "127.0.0.1", Integer.getInteger("cite.test.domain-check.port", 18181)),
            0);
    webServer.createContext(
        "/.well-known/cite-domain-verification.txt",
        exchange -> {
          String host = exchange.getRequestHeaders().getFirst("Host");
          String token = published.get(host);
          byte[] body =
              (token == null ? "not here" : token + "\n").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(token == null ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    webServer.start();
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
    adminOfA = TownStaff.member(a, "settings-a", "TOWN_ADMIN");
    adminOfB = TownStaff.member(b, "settings-b", "TOWN_ADMIN");
  }

  @AfterAll
  static void stop() {
    if (webServer != null) {
      webServer.stop(0);
    }
  }

  @Test
  void aVerifiedDomainServesItsTownOnlyOnceTheTokenIsPublished() throws Exception {
    String domain = "demarches." + a.slug() + ".example.fr";
    Http.Response added =
        Http.postJson(
            a.host(),
            DOMAINS,
            "{\"host\":\"  Demarches." + a.slug() + ".Example.FR. \"}",
            adminOfA.bearer());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    JsonObject pending = added.json();
    assertThat(pending.getString("host")).isEqualTo(domain);
    assertThat(pending.getBoolean("verified")).isFalse();
    String token = pending.getString("verificationToken");
    assertThat(token).startsWith("cite-").hasSizeGreaterThan(30);
    assertThat(pending.getString("verificationUrl"))
        .isEqualTo("http://" + domain + "/.well-known/cite-domain-verification.txt");
    long id = pending.getJsonNumber("id").longValue();

    // Pending: the domain serves nothing.
    Http.Response before = Http.get(domain, "/api/v1/town");
    assertThat(before.status()).isEqualTo(404);

    // Not yet published: refused with what was found, in French and English.
    Http.Response notYet =
        Http.postJson(a.host(), DOMAINS + "/" + id + "/verification", "", adminOfA.bearer());
    Checks.assertProblem(notYet, 422, "domain-not-verified");
    assertThat(notYet.json().getString("detail")).contains("HTTP 404");
    published.put(domain, "something else");
    Http.Response wrong =
        Http.postJson(
            a.host(),
            DOMAINS + "/" + id + "/verification",
            "",
            adminOfA.bearer("Accept-Language", "en"));
    Checks.assertProblem(wrong, 422, "domain-not-verified");
    assertThat(wrong.json().getString("detail"))
        .contains("was not found")
        .contains("something else");

    // Town B can neither verify nor remove A's domain, nor add it again.
    Checks.assertProblem(
        Http.postJson(b.host(), DOMAINS + "/" + id + "/verification", "", adminOfB.bearer()),
        404,
        "domain-not-found");
    Checks.assertProblem(
        Http.send(
            b.host(),
            DOMAINS + "/" + id,
            "application/json",
            new byte[0],
            "DELETE",
            adminOfB.bearer()),
        404,
        "domain-not-found");
    Checks.assertProblem(
        Http.postJson(b.host(), DOMAINS, "{\"host\":\"" + domain + "\"}", adminOfB.bearer()),
        409,
        "domain-taken");
    assertThat(Http.get(b.host(), DOMAINS, adminOfB.bearer()).body()).doesNotContain(domain);
    // A's token on B's host is refused.
    assertThat(Http.get(b.host(), DOMAINS, adminOfA.bearer()).status()).isIn(401, 403);

    published.put(domain, token);
    Http.Response verified =
        Http.postJson(a.host(), DOMAINS + "/" + id + "/verification", "", adminOfA.bearer());
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().getBoolean("verified")).isTrue();

    Http.Response portal = Http.get(domain, "/api/v1/town");
    assertThat(portal.status()).isEqualTo(200);
    assertThat(portal.json().getString("slug")).isEqualTo(a.slug());
    assertThat(Http.get(domain, "/").body()).contains(a.name()).doesNotContain(b.name());

    // Sign-in works on the domain through the platform's one callback: nothing is registered
    // in the identity provider for it.
    assertThat(TestKeycloak.admin("/clients?clientId=cite-portal").toString())
        .doesNotContain(domain);
    Http.Response signIn = Http.get(domain, "/compte/");
    assertThat(signIn.status()).isEqualTo(302);
    String location = signIn.header("Location");
    assertThat(location)
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(
                    "http://localhost:" + Http.port() + "/signin/callback",
                    java.nio.charset.StandardCharsets.UTF_8))
        .contains("organization%3A" + a.slug());
    java.util.regex.Matcher state =
        java.util.regex.Pattern.compile("[?&]state=([^&]+)").matcher(location);
    assertThat(state.find()).isTrue();
    Http.Response back =
        Http.get(Http.PLATFORM, "/signin/callback?code=abc&state=" + state.group(1));
    assertThat(back.status()).isEqualTo(302);
    assertThat(back.header("Location"))
        .startsWith("http://" + domain + ":" + Http.port() + "/signin/complete?code=abc");

    // In the database, the domain is A's.
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from tenant_domain where host = '"
                      + domain
                      + "' and tenant_id = "
                      + a.id()
                      + " and verified_at is not null"))
          .isEqualTo(1);
    }

    // Removed: it serves nothing again.
    assertThat(
            Http.send(
                    a.host(),
                    DOMAINS + "/" + id,
                    "application/json",
                    new byte[0],
                    "DELETE",
                    adminOfA.bearer())
                .status())
        .isEqualTo(204);
    assertThat(Http.get(domain, "/api/v1/town").status()).isEqualTo(404);
  }

  @Test
  void namesThatAreNotPublicDomainsAreRefused() {
    for (String bad :
        new String[] {
          "", "localhost", "192.168.1.10", "exemple", "a..b.fr", "-x.exemple.fr", "x.exemple.123"
        }) {
      Http.Response r =
          Http.postJson(a.host(), DOMAINS, "{\"host\":\"" + bad + "\"}", adminOfA.bearer());
      Checks.assertProblem(r, 422, "domain-invalid");
    }
    Checks.assertProblem(
        Http.postJson(a.host(), DOMAINS, "{\"host\":\"autre.localhost\"}", adminOfA.bearer()),
        422,
        "domain-of-the-platform");
    Http.Response idn =
        Http.postJson(
            a.host(), DOMAINS, "{\"host\":\"démarches-" + a.slug() + ".fr\"}", adminOfA.bearer());
    assertThat(idn.status()).as(idn.toString()).isEqualTo(201);
    assertThat(idn.json().getString("host")).startsWith("xn--");
    Http.send(
        a.host(),
        DOMAINS + "/" + idn.json().getJsonNumber("id").longValue(),
        "application/json",
        new byte[0],
        "DELETE",
        adminOfA.bearer());
    assertThat(Http.postJson(a.host(), DOMAINS, "{}", adminOfA.bearer()).status()).isEqualTo(400);
  }

  @Test
  void theDefaultLanguageIsWhatAReaderWithoutAChoiceGets() {
    assertThat(Http.get(b.host(), "/").body()).contains("lang=\"fr\"");
    Http.Response changed =
        Http.putJson(
            b.host(), "/api/v1/admin/town/language", "{\"language\":\"en\"}", adminOfB.bearer());
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(Http.get(b.host(), "/").body()).contains("lang=\"en\"");
    assertThat(Http.get(b.host(), "/?lang=fr").body()).contains("lang=\"fr\"");
    assertThat(Http.get(a.host(), "/").body()).contains("lang=\"fr\"");
    Checks.assertProblem(
        Http.putJson(
            b.host(), "/api/v1/admin/town/language", "{\"language\":\"de\"}", adminOfB.bearer()),
        400,
        "bad-parameter");
    Http.putJson(
        b.host(), "/api/v1/admin/town/language", "{\"language\":\"fr\"}", adminOfB.bearer());
    assertThat(Http.get(b.host(), "/").body()).contains("lang=\"fr\"");
  }
}
