package fr.cite.it.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.UsageCountingBrowser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "Most requested" counts each visitor once per procedure and day: one client reloading a page
 * 10,000 times (cached or not) moves the ranking by one view; robots and prefetches count nothing;
 * two real visitors beat one insistent client.
 */
class UsageCountingIT extends CiteIntegrationTest {

  static long views(TestTowns.Town town, String slug) throws Exception {
    try (Connection c = TestDatabase.asSuperuser();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "select coalesce(sum(u.views), 0) from catalogue_usage u"
                        + " join catalogue_procedure p on p.id = u.procedure_id"
                        + " and p.tenant_id = u.tenant_id where u.tenant_id = "
                        + town.id()
                        + " and p.slug = '"
                        + slug
                        + "'")) {
      r.next();
      return r.getLong(1);
    }
  }

  static void awaitViews(TestTowns.Town town, String slug, long expected) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (views(town, slug) < expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
  }

  @Test
  void tenThousandViewsFromOneClientMoveTheRankingByOne() throws Exception {
    TestTowns.Town town = TestTowns.onboard();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(
          pool.submit(
              () -> {
                int ok = 0;
                for (int i = 0; i < 1_250; i++) {
                  ok +=
                      Http.get(
                                      town.host(),
                                      "/demarches/carte-identite",
                                      "User-Agent",
                                      UsageCountingBrowser.UA)
                                  .status()
                              == 200
                          ? 1
                          : 0;
                }
                return ok;
              }));
    }
    int ok = 0;
    for (Future<Integer> f : done) {
      ok += f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(ok).isEqualTo(10_000);
    // Robots, load generators and prefetches count nothing.
    Http.get(
        town.host(),
        "/demarches/carte-identite",
        "User-Agent",
        "Googlebot/2.1 (+http://www.google.com/bot.html)");
    Http.get(town.host(), "/demarches/carte-identite", "User-Agent", "curl/8.5.0");
    Http.get(town.host(), "/demarches/carte-identite");
    Http.get(
        town.host(),
        "/demarches/carte-identite",
        "User-Agent",
        UsageCountingBrowser.UA.replace("131", "132"),
        "Sec-Purpose",
        "prefetch");
    // Two real visitors of another procedure.
    for (String version : List.of("129", "130")) {
      Http.get(
          town.host(),
          "/demarches/acte-de-naissance",
          "User-Agent",
          UsageCountingBrowser.UA.replace("131", version));
    }
    awaitViews(town, "acte-de-naissance", 2);
    awaitViews(town, "carte-identite", 1);
    Thread.sleep(1_500); // one more flush, in case anything else were still counted
    assertThat(views(town, "carte-identite")).isEqualTo(1);
    assertThat(views(town, "acte-de-naissance")).isEqualTo(2);
    String first =
        Http.get(town.host(), "/api/v1/catalogue/most-requested")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getString("slug");
    assertThat(first).isEqualTo("acte-de-naissance");
  }
}
