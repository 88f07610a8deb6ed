package fr.cite.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.platform.communes.Commune;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The test PostgreSQL really stopped, paused (SIGSTOP) and killed (SIGKILL) under the deployed
 * platform, with the same WildFly throughout: never a 500 nor a hang past the timeouts, pages
 * served from memory keep being served, everything else is a 503 (the town's page, or a problem
 * with Retry-After), {@code /health/live} answers, nothing acknowledged is lost, a bulk job
 * resumes, and all answers are 200 again once PostgreSQL is back.
 */
class DatabaseFaultsIT extends CiteIntegrationTest {

  /** Socket timeout (8 s) + pool wait (3 s) + a turn (1 s) + margin for a loaded machine. */
  static final long ANSWER_BOUND_MILLIS = 16_000;

  @AfterEach
  void databaseAndKeycloakAreBack() throws Exception {
    if (!TestDatabase.isRunning()) {
      TestDatabase.start();
    }
    TestDatabase.resume();
    awaitAll200(TestTowns.onboard().host(), 60_000);
    // Keycloak keeps its data in the same PostgreSQL: it must have recovered too.
    long deadline = System.currentTimeMillis() + 120_000;
    int status = 0;
    while (System.currentTimeMillis() < deadline) {
      try {
        java.net.http.HttpResponse<Void> r =
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(
                                TestKeycloak.awaitReady()
                                    + "/realms/cite/.well-known/openid-configuration"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        status = r.statusCode();
        if (status == 200
            && TestKeycloak.clientToken("cite-operator-cli", TestKeycloak.OPERATOR_CLI_SECRET)
                != null) {
          break;
        }
      } catch (Exception e) {
        // not yet
      }
      Thread.sleep(1_000);
    }
    assertThat(status).as("Keycloak after the database came back").isEqualTo(200);
  }

  static void awaitAll200(String host, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    List<String> paths = List.of("/", "/recherche?q=mariage", "/api/v1/requests/types");
    while (System.currentTimeMillis() < deadline) {
      if (paths.stream().allMatch(p -> Http.get(host, p).status() == 200)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Not all 200 within " + millis + " ms after PostgreSQL came back");
  }

  /** Each page's and API's status during an outage, with the slowest answer. */
  record Load(Map<String, Map<Integer, AtomicInteger>> statuses, long slowestMillis, long count) {}

  static Load load(String host, List<String> paths, int clients, long millis) throws Exception {
    Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
    AtomicLong slowest = new AtomicLong();
    AtomicLong count = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.currentTimeMillis() + millis;
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int offset = c;
      running.add(
          pool.submit(
              () -> {
                for (int i = offset; System.currentTimeMillis() < end; i++) {
                  String path = paths.get(i % paths.size());
                  long t0 = System.currentTimeMillis();
                  int status = Http.get(host, path).status();
                  slowest.accumulateAndGet(System.currentTimeMillis() - t0, Math::max);
                  count.incrementAndGet();
                  statuses
                      .computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                      .computeIfAbsent(status, s -> new AtomicInteger())
                      .incrementAndGet();
                }
              }));
    }
    for (Future<?> f : running) {
      f.get(3, TimeUnit.MINUTES);
    }
    pool.shutdown();
    return new Load(statuses, slowest.get(), count.get());
  }

  static void warm(TestTowns.Town town) {
    for (String p : List.of("/", "/api/v1/town", "/demarches")) {
      assertThat(Http.get(town.host(), p).status()).isEqualTo(200);
    }
  }

  @Test
  void postgresqlStoppedMeans503sAndMemoryThenAll200WhenItIsBack() throws Exception {
    TestTowns.Town town = TestTowns.onboard();
    warm(town);
    TestDatabase.stop();
    Load during;
    try {
      long t0 = System.currentTimeMillis();
      Http.Response search = Http.get(town.host(), "/recherche?q=mariage");
      assertThat(System.currentTimeMillis() - t0)
          .as("a page needing the database")
          .isLessThan(1_000);
      assertThat(search.status()).isEqualTo(503);
      assertThat(search.header("Retry-After")).isNotBlank();
      assertThat(search.body())
          .contains("Service momentanément indisponible", town.name())
          .doesNotContain("Exception");
      Http.Response english = Http.get(town.host(), "/recherche?q=mariage&lang=en");
      assertThat(english.body()).contains("Service temporarily unavailable");
      Checks.assertProblem(
          Http.postJson(
              town.host(),
              "/api/v1/requests",
              "{\"type\":\"probleme-voirie\",\"contact\":{\"email\":\"a@b.fr\"}}"),
          503,
          "database-unavailable");
      assertThat(Http.get(town.host(), "/health/live").status()).isEqualTo(200);
      Http.Response ready = Http.get(town.host(), "/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().getString("status")).isEqualTo("DOWN");
      assertThat(Http.get(town.host(), "/").status()).as("the home, from memory").isEqualTo(200);

      during =
          load(
              town.host(),
              List.of("/", "/recherche?q=mariage", "/api/v1/requests/types", "/health/live"),
              8,
              4_000);
    } finally {
      TestDatabase.start();
    }
    System.out.println("[database stopped] " + during);
    during.statuses().forEach((path, s) -> assertThat(s.keySet()).as(path).isSubsetOf(200, 503));
    assertThat(during.statuses().get("/").keySet()).as("the home, from memory").containsOnly(200);
    assertThat(during.statuses().get("/health/live").keySet()).containsOnly(200);
    assertThat(during.slowestMillis()).isLessThan(ANSWER_BOUND_MILLIS);
    long t0 = System.currentTimeMillis();
    awaitAll200(town.host(), 30_000);
    System.out.println(
        "[database stopped] all 200 again "
            + (System.currentTimeMillis() - t0)
            + " ms after restart");
  }

  @Test
  void postgresqlPausedUnder20ClientsAnswersWithinTheTimeoutsAndLiveAnswersThroughout()
      throws Exception {
    TestTowns.Town town = TestTowns.onboard();
    warm(town);
    TestDatabase.pause();
    Load during;
    try {
      during =
          load(
              town.host(),
              List.of(
                  "/recherche?q=mariage",
                  "/api/v1/catalogue/search?q=naissance",
                  "/api/v1/requests/types",
                  "/",
                  "/health/live"),
              20,
              14_000);
    } finally {
      TestDatabase.resume();
    }
    System.out.println("[database paused] " + during);
    during.statuses().forEach((path, s) -> assertThat(s.keySet()).as(path).isSubsetOf(200, 503));
    assertThat(during.statuses().get("/health/live").keySet()).containsOnly(200);
    assertThat(during.statuses().get("/").keySet()).as("the home, from memory").containsOnly(200);
    assertThat(during.statuses().get("/recherche?q=mariage")).containsKey(503);
    assertThat(during.slowestMillis()).as("slowest answer, ms").isLessThan(ANSWER_BOUND_MILLIS);
    long t0 = System.currentTimeMillis();
    awaitAll200(town.host(), 30_000);
    System.out.println(
        "[database paused] all 200 again "
            + (System.currentTimeMillis() - t0)
            + " ms after SIGCONT");
  }

  @Test
  void everyAcknowledgedWriteSurvivesAKillOfPostgresql() throws Exception {
    TestTowns.Town town = TestTowns.onboard();
    List<String> references = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Http.Response filed =
          Http.postJson(
              town.host(),
              "/api/v1/requests",
              "{\"type\":\"probleme-voirie\",\"values\":{\"adresse\":\""
                  + (i + 1)
                  + " rue du Port\",\"nature\":\"chaussee\",\"description\":\"Nid-de-poule\"},"
                  + "\"contact\":{\"email\":\"riverain"
                  + i
                  + "@example.fr\"}}");
      assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
      references.add(filed.json().getString("reference"));
    }
    List<Commune> communes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Commune c = TestTowns.unusedCommune();
      assertThat(
              Http.postJson(
                      Http.PLATFORM,
                      "/api/v1/platform/towns",
                      "{\"inseeCode\":\"" + c.inseeCode() + "\"}",
                      Http.operator())
                  .status())
          .isEqualTo(201);
      communes.add(c);
    }
    TestDatabase.kill();
    TestDatabase.start();
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from demande where tenant_id = "
                      + town.id()
                      + " and reference in ('"
                      + String.join("','", references)
                      + "')"))
          .as("acknowledged requests after a crash")
          .isEqualTo(10);
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from tenant where insee_code in ('"
                      + String.join("','", communes.stream().map(Commune::inseeCode).toList())
                      + "')"))
          .as("acknowledged towns after a crash")
          .isEqualTo(5);
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from pg_settings where setting = 'on' and name in"
                      + " ('synchronous_commit', 'fsync', 'full_page_writes')"))
          .as("durable settings")
          .isEqualTo(3);
    }
  }

  @Test
  void aBulkJobInterruptedByAnOutageResumesWithoutDuplicatesOrGaps() throws Exception {
    StringBuilder csv = new StringBuilder();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String code = TestTowns.unusedCommune().inseeCode();
      codes.add(code);
      csv.append(code).append('\n');
    }
    Http.Response created =
        Http.send(
            Http.PLATFORM,
            "/api/v1/platform/onboarding-jobs?fileName=panne.csv",
            "text/csv",
            csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "POST",
            Http.operator());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    String job = "/api/v1/platform/onboarding-jobs/" + id;
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline
        && Http.get(Http.PLATFORM, job, Http.operator()).json().getInt("processed") == 0) {
      Thread.sleep(50);
    }
    TestDatabase.stop();
    Thread.sleep(4_000);
    TestDatabase.start();
    deadline = System.currentTimeMillis() + 180_000;
    String state = "";
    while (System.currentTimeMillis() < deadline) {
      Http.Response r = Http.get(Http.PLATFORM, job, Http.operator());
      if (r.status() == 200) {
        state = r.json().getString("state");
        if (state.equals("DONE")) {
          assertThat(r.json().getInt("processed")).isEqualTo(600);
          break;
        }
      }
      Thread.sleep(500);
    }
    assertThat(state).isEqualTo("DONE");
    try (Connection c = TestDatabase.asSuperuser()) {
      String in = "('" + String.join("','", codes) + "')";
      assertThat(Checks.count(c, "select count(*) from tenant where insee_code in " + in))
          .as("one town per line, none missing")
          .isEqualTo(600);
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from (select insee_code from tenant where insee_code in "
                      + in
                      + " group by insee_code having count(*) > 1) d"))
          .as("no duplicate")
          .isZero();
    }
  }
}
