package fr.cite.it.towns;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestTowns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Eight operators onboard the same commune at once: one town, seven 409s, and nothing in the server
 * log above INFO about it (an expected conflict is no error).
 */
class ConcurrentOnboardingIT extends CiteIntegrationTest {

  static final Path SERVER_LOG = Path.of("target/server-base/log/server.log");

  @Test
  void concurrentOnboardingOfOneCommuneMakesOneTownAndNoErrorInTheLog() throws Exception {
    String code = TestTowns.unusedCommune().inseeCode();
    long logBefore = Files.exists(SERVER_LOG) ? Files.size(SERVER_LOG) : 0;
    String[] operator = Http.operator();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(
          pool.submit(
              () ->
                  Http.postJson(
                          Http.PLATFORM,
                          "/api/v1/platform/towns",
                          "{\"inseeCode\":\"" + code + "\"}",
                          operator)
                      .status()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : calls) {
      statuses.add(f.get(2, TimeUnit.MINUTES));
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    assertThat(Files.exists(SERVER_LOG)).isTrue();
    String logged;
    try (var in = Files.newInputStream(SERVER_LOG)) {
      in.skipNBytes(logBefore);
      logged = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(logged.lines().filter(l -> l.contains(" ERROR ")))
        .as("ERROR lines while onboarding concurrently")
        .isEmpty();
    assertThat(logged).doesNotContain("duplicate key");
  }
}
