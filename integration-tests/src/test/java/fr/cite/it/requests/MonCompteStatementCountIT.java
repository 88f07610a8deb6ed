package fr.cite.it.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownCitizens;
import fr.cite.it.support.TownStaff;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * No N+1 on "Mon compte": the citizen's page and the API list cost the same number of SQL
 * statements for a citizen with one request and for one with thirty, of several kinds. Counted by
 * Hibernate's statistics, read through WildFly's management model.
 */
class MonCompteStatementCountIT extends CiteIntegrationTest {

  @ArquillianResource ManagementClient management;

  private static final ModelNode UNIT =
      Operations.createAddress(
          "deployment",
          "cite.ear",
          "subsystem",
          "jpa",
          "hibernate-persistence-unit",
          "cite.ear#cite");

  record Citizen(Browser browser, String token) {}

  static Citizen citizen(TestTowns.Town town) throws Exception {
    TownCitizens.Citizen c = TownCitizens.signUp(town, "compte", "Paul", "Compte");
    return new Citizen(c.browser(), c.token());
  }

  static void file(TestTowns.Town town, Citizen c, int i) {
    String body =
        i % 2 == 0
            ? "{\"type\":\"probleme-voirie\",\"values\":{\"adresse\":\""
                + i
                + " rue Longue\",\"nature\":\"trottoir\",\"description\":\"Dalle "
                + i
                + "\"}}"
            : "{\"type\":\"collecte-encombrants\",\"values\":{\"adresse\":\""
                + i
                + " rue Courte\",\"objets\":\"Armoire\",\"volume\":\"2\"}}";
    Http.Response r =
        Http.postJson(town.host(), "/api/v1/requests", body, TownStaff.bearer(c.token()));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  void monCompteCostsTheSameStatementsForOneRequestOrThirty() throws Exception {
    TestKeycloak.awaitReady();
    TestTowns.Town town = TestTowns.onboard();
    Citizen few = citizen(town);
    Citizen many = citizen(town);
    file(town, few, 0);
    for (int i = 0; i < 30; i++) {
      file(town, many, i);
    }
    execute(Operations.createWriteAttributeOperation(UNIT, "statistics-enabled", true));

    // The counter is the server's: a background job running during a measurement adds its own
    // statements, never removes any. Each figure is the least of three measurements, which an
    // N+1 query would still raise.
    long apiFew = Long.MAX_VALUE;
    long apiMany = Long.MAX_VALUE;
    long pageFew = Long.MAX_VALUE;
    long pageMany = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      apiFew = Math.min(apiFew, api(town, few));
      apiMany = Math.min(apiMany, api(town, many));
      pageFew = Math.min(pageFew, page(town, few));
      pageMany = Math.min(pageMany, page(town, many));
    }
    System.out.printf(
        "Statements for Mon compte (1 vs 30 requests): API %d vs %d; page %d vs %d%n",
        apiFew, apiMany, pageFew, pageMany);
    assertThat(apiMany).isEqualTo(apiFew);
    assertThat(pageMany).isEqualTo(pageFew);
    assertThat(pageFew).isLessThan(15);
  }

  private long api(TestTowns.Town town, Citizen c) throws Exception {
    execute(Operations.createOperation("clear", UNIT));
    Http.Response r =
        Http.get(town.host(), "/api/v1/requests/mine?size=50", TownStaff.bearer(c.token()));
    assertThat(r.status()).isEqualTo(200);
    return execute(Operations.createReadAttributeOperation(UNIT, "prepared-statement-count"))
        .asLong();
  }

  private long page(TestTowns.Town town, Citizen c) throws Exception {
    execute(Operations.createOperation("clear", UNIT));
    Browser.Page p = c.browser().get("http://" + town.host() + ":" + Http.port() + "/compte/");
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.body()).contains("Mes demandes");
    return execute(Operations.createReadAttributeOperation(UNIT, "prepared-statement-count"))
        .asLong();
  }

  private ModelNode execute(ModelNode op) throws Exception {
    ModelNode result = management.getControllerClient().execute(op);
    assertThat(Operations.isSuccessfulOutcome(result)).as(result.toString()).isTrue();
    return Operations.readResult(result);
  }
}
