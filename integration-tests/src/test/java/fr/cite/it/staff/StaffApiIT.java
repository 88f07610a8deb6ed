package fr.cite.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.KeycloakPages;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A town's administrators manage its staff through /api/v1/staff with their own bearer tokens;
 * agents, citizens and other towns' administrators cannot.
 */
class StaffApiIT extends CiteIntegrationTest {

  static TestTowns.Town a;
  static TestTowns.Town b;

  @BeforeAll
  static void twoTowns() {
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
  }

  static long idOf(JsonArray staff, String email) {
    return staff.getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("email").equals(email))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  static Browser joined(TestTowns.Town town, String email, String password, String role) {
    return TownStaff.joined(town, email, password, role);
  }

  static TownStaff.Member member(TestTowns.Town town, String prefix, String role) throws Exception {
    return TownStaff.member(town, prefix, role);
  }

  static String[] bearer(String token) {
    return TownStaff.bearer(token);
  }

  @Test
  void aTownAdministratorInvitesListsAndRemovesStaffOfTheirTownOnly() throws Exception {
    TownStaff.Member admin = member(a, "maire", "TOWN_ADMIN");
    String adminEmail = admin.email();
    String adminToken = admin.token();

    String agentEmail = "agent-" + UUID.randomUUID() + "@example.fr";
    Http.Response invited =
        Http.postJson(
            a.host(),
            "/api/v1/staff",
            "{\"email\":\"" + agentEmail + "\",\"role\":\"AGENT\"}",
            bearer(adminToken));
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    String link = invited.json().getString("invitationUrl");
    assertThat(TestMail.awaitMessagesTo(agentEmail))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains(link));

    String agentPassword = "Agent-" + UUID.randomUUID();
    Browser agent = new Browser();
    KeycloakPages.register(agent, agent.get(link), "Jeanne", "Agent", agentEmail, agentPassword);
    assertThat(agent.get("http://" + a.host() + ":9080/admin/").status()).isEqualTo(200);
    String agentToken = KeycloakPages.accessToken(agent, a.host(), agentEmail, agentPassword);

    JsonArray staff =
        Http.get(a.host(), "/api/v1/staff", bearer(adminToken)).structure().asJsonArray();
    assertThat(staff.getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("email"))
        .contains(adminEmail, agentEmail);
    long agentId = idOf(staff, agentEmail);
    long adminId = idOf(staff, adminEmail);

    Checks.assertProblem(
        Http.get(a.host(), "/api/v1/staff", bearer(agentToken)), 403, "town-admin-only");
    Checks.assertProblem(
        Http.get(b.host(), "/api/v1/staff", bearer(adminToken)), 403, "town-admin-only");
    Checks.assertProblem(Http.get(a.host(), "/api/v1/staff"), 401, "bearer-token-missing");
    Checks.assertProblem(
        Http.get(a.host(), "/api/v1/staff", bearer("x.y.z")), 401, "bearer-token-invalid");
    Checks.assertProblem(
        Http.send(
            a.host(),
            "/api/v1/staff/" + adminId,
            "application/json",
            new byte[0],
            "DELETE",
            bearer(adminToken)),
        409,
        "staff-cannot-remove-self");

    Http.Response removed =
        Http.send(
            a.host(),
            "/api/v1/staff/" + agentId,
            "application/json",
            new byte[0],
            "DELETE",
            bearer(adminToken));
    assertThat(removed.status()).isEqualTo(204);
    assertThat(agent.get("http://" + a.host() + ":9080/admin/").status())
        .as("removed: no console")
        .isEqualTo(403);
    Checks.assertProblem(
        Http.send(
            a.host(),
            "/api/v1/staff/" + agentId,
            "application/json",
            new byte[0],
            "DELETE",
            bearer(adminToken)),
        404,
        "staff-not-found");
  }

  @Test
  void anAdministratorCannotTouchAnotherTownsStaffByIdentifier() throws Exception {
    String tokenOfA = member(a, "admin-a", "TOWN_ADMIN").token();
    TownStaff.Member adminOfB = member(b, "admin-b", "TOWN_ADMIN");
    String otherEmail = adminOfB.email();
    String tokenOfB = adminOfB.token();
    long idInB =
        idOf(
            Http.get(b.host(), "/api/v1/staff", bearer(tokenOfB)).structure().asJsonArray(),
            otherEmail);

    Checks.assertProblem(
        Http.send(
            a.host(),
            "/api/v1/staff/" + idInB,
            "application/json",
            new byte[0],
            "DELETE",
            bearer(tokenOfA)),
        404,
        "staff-not-found");
    assertThat(Http.get(a.host(), "/api/v1/staff", bearer(tokenOfA)).body())
        .doesNotContain(otherEmail);
  }
}
