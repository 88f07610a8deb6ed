package fr.cite.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keycloak really stopped, under load, then started again: anonymous pages and public APIs answer
 * 200 as before; bearer tokens issued before the outage keep verifying from the keys fetched ahead;
 * a token whose key cannot be had is a 503 problem ({@code identity-unavailable}, Retry-After),
 * never a 500 nor a success; a forged token is still a 401; "Mon compte" says sign-in is
 * temporarily unavailable (503) instead of sending the browser to a dead server.
 */
class KeycloakOutageIT extends CiteIntegrationTest {

  static TestTowns.Town town;
  static TestTowns.Town neverSignedIn;
  static TownStaff.Member agent;

  @BeforeAll
  static void townAndAgent() throws Exception {
    TestKeycloak.awaitReady();
    town = TestTowns.onboard();
    neverSignedIn = TestTowns.onboard();
    agent = TownStaff.member(town, "outage-agent", "AGENT");
    assertThat(Http.get(town.host(), "/api/v1/desk/summary", agent.bearer()).status())
        .isEqualTo(200);
  }

  /** A token in the realm's format whose key the application has never seen. */
  static String tokenWithUnknownKey() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rotated-key\"}"
                .getBytes(StandardCharsets.UTF_8));
    String claims =
        b64.encodeToString("{\"sub\":\"x\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + "." + b64.encodeToString(new byte[256]);
  }

  /** Statuses and median latency of anonymous reads by 8 clients for a while. */
  static Map<String, Object> anonymousLoad(long millis) throws Exception {
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String[]> targets =
        List.of(
            new String[] {town.host(), "/"},
            new String[] {town.host(), "/demarches"},
            new String[] {neverSignedIn.host(), "/"},
            new String[] {town.host(), "/api/v1/catalogue/themes"},
            new String[] {neverSignedIn.host(), "/api/v1/town"});
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long end = System.currentTimeMillis() + millis;
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int offset = t;
      running.add(
          pool.submit(
              () -> {
                for (int i = offset; System.currentTimeMillis() < end && i < 100_000; i++) {
                  String[] target = targets.get(i % targets.size());
                  long start = System.nanoTime();
                  int status = Http.get(target[0], target[1]).status();
                  latencies.add((System.nanoTime() - start) / 1_000);
                  statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
              }));
    }
    for (Future<?> f : running) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    java.util.Collections.sort(sorted);
    return Map.of(
        "statuses",
        Map.copyOf(statuses),
        "medianMicros",
        sorted.get(sorted.size() / 2),
        "count",
        sorted.size());
  }

  @Test
  void thePlatformKeepsItsWordWhileKeycloakIsDown() throws Exception {
    Map<String, Object> before = anonymousLoad(3_000);
    TestKeycloak.stop();
    Map<String, Object> during;
    try {
      Thread.sleep(1_500);
      during = anonymousLoad(3_000);

      Http.Response issuedBefore = Http.get(town.host(), "/api/v1/desk/summary", agent.bearer());
      assertThat(issuedBefore.status()).as("a token issued before the outage").isEqualTo(200);

      Http.Response unknownKey =
          Http.get(town.host(), "/api/v1/desk/summary", TownStaff.bearer(tokenWithUnknownKey()));
      assertThat(unknownKey.status()).isEqualTo(503);
      assertThat(unknownKey.header("Retry-After")).isNotBlank();
      assertThat(unknownKey.json().getString("type"))
          .isEqualTo("urn:cite:problem:identity-unavailable");
      Http.Response english =
          Http.get(
              neverSignedIn.host(),
              "/api/v1/desk/summary",
              TownStaff.bearer(tokenWithUnknownKey())[0],
              TownStaff.bearer(tokenWithUnknownKey())[1],
              "Accept-Language",
              "en");
      assertThat(english.status()).as("whatever the town").isEqualTo(503);
      assertThat(english.json().getString("title")).isEqualTo("Sign-in temporarily unavailable");
      Http.Response operator =
          Http.get(
              Http.PLATFORM, "/api/v1/platform/towns", TownStaff.bearer(tokenWithUnknownKey()));
      assertThat(operator.status()).isEqualTo(503);

      String forged = agent.token().substring(0, agent.token().lastIndexOf('.') + 1) + "AAAA";
      assertThat(Http.get(town.host(), "/api/v1/desk/summary", TownStaff.bearer(forged)).status())
          .as("no authenticated action with a token that does not verify")
          .isEqualTo(401);

      Http.Response ready = Http.get(town.host(), "/health/ready");
      assertThat(ready.status()).as("degraded, not down").isEqualTo(200);
      assertThat(ready.json().getString("status")).isEqualTo("DEGRADED");
      assertThat(ready.body()).contains("\"name\":\"identity\",\"status\":\"DEGRADED\"");

      for (TestTowns.Town t : List.of(town, neverSignedIn)) {
        Http.Response account = Http.get(t.host(), "/compte/");
        assertThat(account.status()).as("Mon compte on " + t.slug()).isEqualTo(503);
        assertThat(account.body())
            .contains("Connexion temporairement indisponible")
            .doesNotContain("Exception");
        assertThat(account.header("Location")).isNull();
      }
    } finally {
      TestKeycloak.restart();
    }
    System.out.println("[keycloak outage] before: " + before + ", during: " + during);
    @SuppressWarnings("unchecked")
    Map<Integer, AtomicInteger> statuses = (Map<Integer, AtomicInteger>) during.get("statuses");
    assertThat(statuses.keySet()).as("anonymous statuses during the outage").containsOnly(200);
    assertThat((Long) during.get("medianMicros"))
        .as("median latency during the outage, µs")
        .isLessThan(Math.max(50_000L, 5 * (Long) before.get("medianMicros")));

    // Back: sign-in goes to Keycloak again, and tokens verify as before.
    Thread.sleep(1_500);
    Http.Response account = Http.get(neverSignedIn.host(), "/compte/");
    assertThat(account.status()).isEqualTo(302);
    assertThat(account.header("Location")).startsWith(TestKeycloak.awaitReady());
    assertThat(Http.get(town.host(), "/api/v1/desk/summary", agent.bearer()).status())
        .isEqualTo(200);
  }
}
