package fr.cite.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider API takes operators' bearer tokens issued by Keycloak, and nobody else's. */
class OperatorTokenIT extends CiteIntegrationTest {

  static final String TOWNS = "/api/v1/platform/towns";

  @BeforeAll
  static void keycloakIsUp() {
    TestKeycloak.awaitReady();
  }

  @Test
  void anOperatorsBearerTokenOnboardsATown() {
    String token = TestKeycloak.clientToken("cite-operator-cli", TestKeycloak.OPERATOR_CLI_SECRET);
    var commune = TestTowns.unusedCommune();
    Http.Response r =
        Http.postJson(
            Http.PLATFORM,
            TOWNS,
            "{\"inseeCode\":\"" + commune.inseeCode() + "\"}",
            "Authorization",
            "Bearer " + token);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  void aValidTokenWithoutTheOperatorRoleIsForbidden() {
    String notOperator =
        TestKeycloak.clientToken("cite-platform", System.getenv("CITE_KEYCLOAK_PLATFORM_SECRET"));
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS, "Authorization", "Bearer " + notOperator),
        403,
        "operator-role-missing");
  }

  @Test
  void aTamperedOrForeignTokenIsRefused() {
    String token = TestKeycloak.clientToken("cite-operator-cli", TestKeycloak.OPERATOR_CLI_SECRET);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS, "Authorization", "Bearer " + forged),
        401,
        "operator-token-invalid");
    Checks.assertProblem(
        Http.get(Http.PLATFORM, TOWNS, "Authorization", "Bearer a.b.c"),
        401,
        "operator-token-invalid");
  }

  @Test
  void anOperatorTokenGrantsNothingOnATownsHost() {
    String token = TestKeycloak.clientToken("cite-operator-cli", TestKeycloak.OPERATOR_CLI_SECRET);
    TestTowns.Town town = TestTowns.onboard();
    Checks.assertProblem(
        Http.get(town.host(), TOWNS, "Authorization", "Bearer " + token), 404, "platform-only");
  }
}
