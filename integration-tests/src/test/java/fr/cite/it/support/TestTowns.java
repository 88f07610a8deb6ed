package fr.cite.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.platform.communes.Commune;
import fr.cite.platform.communes.OfficialCommunes;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Gives each test towns of its own: real communes from the official list, never the same twice in a
 * run, onboarded through the provider API like an operator would.
 */
public final class TestTowns {

  private static final List<Commune> POOL;

  static {
    OfficialCommunes communes = OfficialCommunes.load();
    List<Commune> pool = new ArrayList<>();
    for (Commune c : communes.all()) {
      if (c.population() != null
          && c.population() > 2_000
          && !c.inseeCode().equals("76351")
          && !c.inseeCode().equals("33281")
          && !c.postcodes().isEmpty()) {
        pool.add(c);
      }
    }
    Collections.shuffle(pool, new Random());
    POOL = pool;
  }

  private static int next;

  private static final OfficialCommunes LIST = OfficialCommunes.load();

  /** The slug the platform gives a commune (decided for the whole official list at once). */
  public static String slugOf(Commune c) {
    return LIST.slugOf(c.inseeCode());
  }

  private TestTowns() {}

  /** A commune not yet used by any test of this run. */
  public static synchronized Commune unusedCommune() {
    return POOL.get(next++);
  }

  /** Onboards an unused commune and returns the town as the API describes it. */
  public static Town onboard() {
    Commune c = unusedCommune();
    Http.Response r =
        Http.postJson(
            Http.PLATFORM,
            "/api/v1/platform/towns",
            "{\"inseeCode\":\"" + c.inseeCode() + "\",\"status\":\"LIVE\"}",
            Http.operator());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonObject json = r.json();
    return new Town(json.getJsonNumber("id").longValue(), json.getString("slug"), c);
  }

  /** A town of the test run. */
  public record Town(long id, String slug, Commune commune) {
    public String host() {
      return Http.hostOf(slug);
    }

    public String name() {
      return commune.name();
    }
  }
}
