package fr.cite.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class HealthIT extends CiteIntegrationTest {

  @Test
  void theProcessSaysItIsAlive() {
    Http.Response r = Http.get("anything.example", "/health/live");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void readinessChecksTheDatabaseAndThatEveryMigrationIsApplied() throws InterruptedException {
    fr.cite.it.support.TestKeycloak.awaitReady();
    Http.Response r = Http.get(Http.PLATFORM, "/health/ready");
    // Keycloak just started: the last failed check is trusted for five seconds.
    for (int i = 0; i < 40 && !r.body().contains("\"status\":\"UP\"}"); i++) {
      Thread.sleep(250);
      r = Http.get(Http.PLATFORM, "/health/ready");
    }
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject json = r.json();
    assertThat(json.getString("status")).isEqualTo("UP");
    JsonObject migrations =
        json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("migrations"))
            .findFirst()
            .orElseThrow();
    assertThat(migrations.getString("status")).isEqualTo("UP");
    assertThat(r.body())
        .contains("\"name\":\"identity\",\"status\":\"UP\"")
        .contains("\"name\":\"mail\",\"status\":\"UP\"");
    assertThat(migrations.getJsonObject("data").getInt("applied"))
        .isEqualTo(migrations.getJsonObject("data").getInt("expected"))
        .isPositive();
  }
}
