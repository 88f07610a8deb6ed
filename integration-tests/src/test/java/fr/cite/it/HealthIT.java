package fr.cite.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteDeployment;
import fr.cite.it.support.Http;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class HealthIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return CiteDeployment.ear();
  }

  @Test
  void theProcessSaysItIsAlive() {
    Http.Response r = Http.get("anything.example", "/health/live");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void readinessChecksTheDatabaseAndThatEveryMigrationIsApplied() {
    Http.Response r = Http.get(Http.PLATFORM, "/health/ready");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject json = r.json();
    assertThat(json.getString("status")).isEqualTo("UP");
    JsonObject migrations =
        json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("migrations"))
            .findFirst()
            .orElseThrow();
    assertThat(migrations.getString("status")).isEqualTo("UP");
    assertThat(migrations.getJsonObject("data").getInt("applied"))
        .isEqualTo(migrations.getJsonObject("data").getInt("expected"))
        .isPositive();
  }
}
