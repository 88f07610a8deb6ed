package fr.cite.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownCitizens;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the API's own OpenAPI description and sends every write operation (POST, PUT, PATCH,
 * DELETE) a fixed set of bad bodies, without a token and with a valid token of the role the
 * endpoint wants: not JSON, JSON of another shape, an empty body, nesting 2,000 levels deep,
 * strings holding NUL, a body larger than 64 KB, the wrong content type. Any 5xx fails; every
 * refusal is a problem JSON; no row of the database changes. An endpoint added later is covered the
 * day it is written.
 */
class BadInputWalkIT extends CiteIntegrationTest {

  static TestTowns.Town town;
  static TownStaff.Member admin;
  static TownStaff.Member agent;
  static String citizen;

  private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

  @BeforeAll
  static void townWithEveryRole() throws Exception {
    TestKeycloak.awaitReady();
    town = TestTowns.onboard();
    admin = TownStaff.member(town, "walk-admin", "TOWN_ADMIN");
    agent = TownStaff.member(town, "walk-agent", "AGENT");
    citizen = TownCitizens.signUp(town, "walk-citizen", "Paul", "Martin").token();
  }

  /** The bad bodies: a name, a content type and the bytes. */
  record Bad(String name, String contentType, byte[] body) {
    static Bad json(String name, String text) {
      return new Bad(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  static List<Bad> badBodies() {
    List<Bad> bad = new ArrayList<>();
    bad.add(Bad.json("not JSON", "{bad json"));
    bad.add(Bad.json("an array", "[1, 2, 3]"));
    bad.add(Bad.json("a string", "\"texte\""));
    bad.add(Bad.json("null", "null"));
    bad.add(Bad.json("empty", ""));
    bad.add(Bad.json("nested arrays", "[".repeat(2000) + "]".repeat(2000)));
    bad.add(Bad.json("nested objects", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
    StringBuilder nul = new StringBuilder("{");
    for (String f : fieldNames()) {
      nul.append('"').append(f).append("\":\"x\\u0000y\",");
    }
    nul.append("\"values\":{\"adresse\":\"\\u0000\"},\"contact\":{\"email\":\"a\\u0000@b.fr\"}}");
    bad.add(Bad.json("NUL characters", nul.toString()));
    StringBuilder wrong = new StringBuilder("{");
    for (String f : fieldNames()) {
      wrong.append('"').append(f).append("\":{\"k\":[1]},");
    }
    wrong.append("\"values\":\"x\",\"files\":\"y\",\"contact\":[1]}");
    bad.add(Bad.json("wrong types", wrong.toString()));
    bad.add(Bad.json("too large", "{\"text\":\"" + "a".repeat(100 * 1024) + "\"}"));
    bad.add(
        new Bad("wrong content type", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
    return bad;
  }

  /** Field names the API's bodies use, so that bad values reach the binder and the checks. */
  static List<String> fieldNames() {
    return List.of(
        "type",
        "text",
        "message",
        "status",
        "assignee",
        "reference",
        "code",
        "email",
        "role",
        "inseeCode",
        "reason",
        "nameFr",
        "nameEn",
        "labelFr",
        "language",
        "subject",
        "body",
        "titleFr",
        "summaryFr",
        "slug",
        "domain",
        "primaryColor",
        "channel",
        "startsOn");
  }

  record Operation(String method, String path, boolean hasBody) {}

  static List<Operation> writeOperations() {
    Http.Response r = Http.get(town.host(), "/openapi?format=JSON");
    assertThat(r.status()).isEqualTo(200);
    List<Operation> ops = new ArrayList<>();
    JsonObject paths = r.json().getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (WRITES.contains(method)) {
          ops.add(
              new Operation(
                  method.toUpperCase(),
                  path,
                  item.getJsonObject(method).containsKey("requestBody")));
        }
      }
    }
    return ops;
  }

  @Test
  void noWriteOperationAnswersAServerErrorToABadBody() throws Exception {
    List<Operation> ops = writeOperations();
    assertThat(ops).as("write operations in the OpenAPI description").hasSizeGreaterThan(25);
    long rowsBefore = rows();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Operation op : ops) {
      String host = op.path().startsWith("/api/v1/platform") ? Http.PLATFORM : town.host();
      String path = concrete(op.path());
      List<String[]> auths = new ArrayList<>();
      auths.add(new String[0]);
      // With a valid token only where a body is read: an operation without a body would act.
      if (op.hasBody()) {
        auths.add(tokenFor(op.path()));
      }
      for (String[] auth : auths) {
        for (Bad bad : badBodies()) {
          Http.Response res =
              Http.send(host, path, bad.contentType(), bad.body(), op.method(), auth);
          sent++;
          statuses.merge(String.valueOf(res.status()), 1, Integer::sum);
          String what =
              op.method()
                  + " "
                  + path
                  + " ("
                  + bad.name()
                  + (auth.length > 0 ? ", token" : "")
                  + ")";
          if (res.status() >= 500) {
            failures.add(what + " -> " + res.status() + " " + res.body());
          } else if (res.status() >= 400
              && !String.valueOf(res.header("Content-Type")).contains("json")) {
            failures.add(what + " -> " + res.status() + " without a problem body");
          }
        }
      }
    }
    System.out.println(
        "[bad-input walk] " + ops.size() + " write operations, " + sent + " requests: " + statuses);
    assertThat(failures).isEmpty();
    assertThat(rows()).as("rows in the database").isEqualTo(rowsBefore);
  }

  @Test
  void theRequestsApiNamesWhatIsWrong() {
    String[] token = TownStaff.bearer(citizen);
    for (String path :
        List.of(
            "/api/v1/requests", "/api/v1/requests/tracking", "/api/v1/requests/XX-1/messages")) {
      Http.Response notJson = Http.postJson(town.host(), path, "{bad json", token);
      assertThat(notJson.status()).as(path).isEqualTo(400);
      assertThat(notJson.json().getString("type")).isEqualTo("urn:cite:problem:malformed-json");
      Http.Response english =
          Http.postJson(
              town.host(),
              path,
              "[".repeat(2000) + "]".repeat(2000),
              concat(token, "Accept-Language", "en"));
      assertThat(english.status()).as(path).isEqualTo(400);
      assertThat(english.json().getString("title")).isEqualTo("Malformed JSON");
      Http.Response array = Http.postJson(town.host(), path, "[]", token);
      assertThat(array.status()).as(path).isEqualTo(400);
      Http.Response nul =
          Http.postJson(town.host(), path, "{\"type\":\"a\\u0000\",\"text\":\"\\u0000\"}", token);
      assertThat(nul.status()).as(path).isEqualTo(400);
      assertThat(nul.json().getString("type")).isEqualTo("urn:cite:problem:control-characters");
      Http.Response empty = Http.postJson(town.host(), path, "", token);
      assertThat(empty.status()).as(path).isEqualTo(400);
    }
    Http.Response wrongType =
        Http.postJson(town.host(), "/api/v1/requests", "{\"type\":\"x\",\"contact\":[1]}", token);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body()).contains("contact");
    Http.Response tooLarge =
        Http.postJson(
            town.host(),
            "/api/v1/requests/tracking",
            "{\"reference\":\"" + "a".repeat(70_000) + "\"}",
            token);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().getString("detail")).contains("65536");
    Http.Response xml =
        Http.send(
            town.host(), "/api/v1/requests", "application/xml", new byte[] {'<'}, "POST", token);
    assertThat(xml.status()).isEqualTo(415);
  }

  @Test
  void unknownQueryValuesAre400() {
    String[] token = agent.bearer();
    for (String query :
        List.of("page=-1", "size=10000", "status=FOO", "olderThanDays=abc", "page=x")) {
      Http.Response r = Http.get(town.host(), "/api/v1/desk/requests?" + query, token);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.header("Content-Type")).contains("json");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String[] tokenFor(String path) throws Exception {
    if (path.startsWith("/api/v1/platform")) {
      return Http.operator();
    }
    if (path.startsWith("/api/v1/desk")) {
      return agent.bearer();
    }
    if (path.startsWith("/api/v1/requests")) {
      return TownStaff.bearer(citizen);
    }
    return admin.bearer();
  }

  /** Path parameters filled with plausible values: the town's own slug, unknown references. */
  private static String concrete(String template) {
    return template
        .replace("{slug}", template.startsWith("/api/v1/platform") ? town.slug() : "inconnue")
        .replace("{reference}", "XX-2026-000001")
        .replace("{status}", "SUBMITTED")
        .replaceAll("\\{[a-zA-Z]*[iI]d\\}", "999999")
        .replaceAll("\\{[^}]+\\}", "inconnu");
  }

  /** Rows of every table of the application's schema, counted as the superuser. */
  private static long rows() throws Exception {
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet t =
          s.executeQuery(
              "select tablename from pg_tables where schemaname = 'public'"
                  + " and tablename not like 'databasechangelog%'"
                  // usage and search counts are written every 30 s from earlier page views
                  + " and tablename not in ('catalogue_usage', 'catalogue_search_miss')")) {
        while (t.next()) {
          tables.add(t.getString(1));
        }
      }
      long total = 0;
      for (String table : tables) {
        try (ResultSet n = s.executeQuery("select count(*) from \"" + table + "\"")) {
          n.next();
          total += n.getLong(1);
        }
      }
      return total;
    }
  }
}
