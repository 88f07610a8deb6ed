package fr.cite.it.family;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownCitizens;
import fr.cite.it.support.TownStaff;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * No N+1 in the family space, counted by Hibernate's statistics through WildFly's management model:
 * the family page and its API cost the same statements for a household of one child and of four; a
 * child's month costs the same with a month of bookings or a school year of them; the register of a
 * session of 300 children costs what the register of 3 does.
 */
class FamilyStatementCountIT extends CiteIntegrationTest {

  @ArquillianResource ManagementClient management;

  private static final ModelNode UNIT =
      Operations.createAddress(
          "deployment",
          "cite.ear",
          "subsystem",
          "jpa",
          "hibernate-persistence-unit",
          "cite.ear#cite");

  static long child(TownCitizens.Citizen c, TestTowns.Town t, String name) {
    Http.Response r =
        Http.postJson(
            t.host(),
            "/api/v1/family/children",
            "{\"firstName\":\"" + name + "\",\"lastName\":\"Compte\",\"birthDate\":\"2017-03-04\"}",
            c.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getJsonNumber("id").longValue();
  }

  static void registered(
      TestTowns.Town t,
      TownCitizens.Citizen c,
      TownStaff.Member agent,
      long child,
      long activity,
      LocalDate from,
      LocalDate to) {
    Http.Response r =
        Http.postJson(
            t.host(),
            "/api/v1/family/registrations",
            "{\"childId\":"
                + child
                + ",\"activityId\":"
                + activity
                + ",\"from\":\""
                + from
                + "\",\"to\":\""
                + to
                + "\",\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]}",
            c.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    Http.Response d =
        Http.postJson(
            t.host(),
            "/api/v1/desk/family/registrations/"
                + r.json().getJsonNumber("id").longValue()
                + "/decision",
            "{\"decision\":\"ACCEPT\"}",
            TownStaff.bearer(agent.token()));
    assertThat(d.status()).as(d.toString()).isEqualTo(200);
  }

  @Test
  void familyPagesAndTheRegisterCostTheSameStatementsWhateverTheirSize() throws Exception {
    TestKeycloak.awaitReady();
    TestTowns.Town town = TestTowns.onboard();
    TownStaff.Member agent = TownStaff.member(town, "agent-count", "AGENT");
    Http.Response a =
        Http.putJson(
            town.host(),
            "/api/v1/desk/family/activities/cantine-compte",
            "{\"kind\":\"CANTEEN\",\"nameFr\":\"Cantine\",\"site\":\"École\",\"capacity\":400,\"days\":\"WORKING_DAYS\","
                + "\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"start\":\"11:30\","
                + "\"end\":\"13:30\",\"bookRule\":\"RELATIVE 1 CALENDAR 10:00\",\"cancelRule\":\"RELATIVE 1 CALENDAR 10:00\","
                + "\"latePolicy\":\"REFUSE\"}",
            TownStaff.bearer(agent.token()));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    long activity = a.json().getJsonNumber("id").longValue();
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
    YearMonth next = YearMonth.from(tomorrow).plusMonths(1);

    TownCitizens.Citizen one = TownCitizens.signUp(town, "un-enfant", "Une", "Famille");
    TownCitizens.Citizen four = TownCitizens.signUp(town, "quatre-enfants", "Quatre", "Famille");
    for (TownCitizens.Citizen c : new TownCitizens.Citizen[] {one, four}) {
      assertThat(
              Http.putJson(
                      town.host(), "/api/v1/family/household", "{\"resident\":true}", c.bearer())
                  .status())
          .isEqualTo(200);
    }
    // One child booked for a month; four children, the first booked for a school year.
    long monthChild = child(one, town, "Mois");
    registered(town, one, agent, monthChild, activity, next.atDay(1), next.atEndOfMonth());
    long yearChild = 0;
    for (int i = 0; i < 4; i++) {
      long c = child(four, town, "Enfant" + i);
      registered(town, four, agent, c, activity, tomorrow, tomorrow.plusDays(300));
      if (i == 0) {
        yearChild = c;
      }
    }
    try (Connection db = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(db, "select count(*) from family_booking where child_id = " + yearChild))
          .isGreaterThan(150);
    }
    execute(Operations.createWriteAttributeOperation(UNIT, "statistics-enabled", true));

    // Once before measuring: the town's first page fills its caches (settings, régies, menus),
    // which is not what this test compares.
    page(one.browser(), town, "/compte/famille/");
    page(four.browser(), town, "/compte/famille/");
    long pageOne = page(one.browser(), town, "/compte/famille/");
    long pageFour = page(four.browser(), town, "/compte/famille/");
    long monthOfMonth =
        page(
            one.browser(),
            town,
            "/compte/famille/calendrier.xhtml?enfant=" + monthChild + "&mois=" + next);
    long monthOfYear =
        page(
            four.browser(),
            town,
            "/compte/famille/calendrier.xhtml?enfant=" + yearChild + "&mois=" + next);
    long apiMonth =
        api(town, one, "/api/v1/family/children/" + monthChild + "/calendar?month=" + next);
    long apiYear =
        api(town, four, "/api/v1/family/children/" + yearChild + "/calendar?month=" + next);
    long apiHouseholdOne = api(town, one, "/api/v1/family/household");
    long apiHouseholdFour = api(town, four, "/api/v1/family/household");

    // Register: 3 children on one session, 300 on another (seeded as the superuser).
    long small;
    long large;
    try (Connection db = TestDatabase.asSuperuser()) {
      long household =
          Checks.count(db, "select household_id from family_child where id = " + yearChild);
      long registration =
          Checks.count(db, "select min(id) from family_registration where child_id = " + yearChild);
      small =
          Checks.count(
              db,
              "select min(s.id) from family_session s where s.activity_id = "
                  + activity
                  + " and s.booked = 4");
      large =
          Checks.count(
              db,
              "select max(s.id) from family_session s where s.activity_id = "
                  + activity
                  + " and s.booked = 4");
      db.createStatement()
          .execute(
              "with kids as (insert into family_child (id, tenant_id, household_id, first_name, last_name, birth_date, allergies, pai, created_at)"
                  + " select nextval('family_seq'), "
                  + town.id()
                  + ", "
                  + household
                  + ", 'Enfant' || g, 'Appel', date '2016-01-01', 'gluten', g % 7 = 0, now()"
                  + " from generate_series(1, 296) g returning id)"
                  + " insert into family_booking (id, tenant_id, child_id, session_id, registration_id, status, source, updated_at)"
                  + " select nextval('family_seq'), "
                  + town.id()
                  + ", id, "
                  + large
                  + ", "
                  + registration
                  + ", 'BOOKED', 'AGENT', now() from kids");
      assertThat(
              Checks.count(
                  db,
                  "select count(*) from family_booking where status = 'BOOKED' and session_id = "
                      + large))
          .isEqualTo(300);
    }
    long registerSmall = api(town, agent, "/api/v1/desk/family/sessions/" + small + "/register");
    long registerLarge = api(town, agent, "/api/v1/desk/family/sessions/" + large + "/register");
    System.out.printf(
        "Statements: family page 1 vs 4 children %d vs %d; month page (month vs year of bookings) %d vs %d;"
            + " calendar API %d vs %d; household API %d vs %d; register 4 vs 300 children %d vs %d%n",
        pageOne,
        pageFour,
        monthOfMonth,
        monthOfYear,
        apiMonth,
        apiYear,
        apiHouseholdOne,
        apiHouseholdFour,
        registerSmall,
        registerLarge);
    assertThat(pageFour).isBetween(pageOne - 2, pageOne + 2);
    assertThat(monthOfYear).isBetween(monthOfMonth - 2, monthOfMonth + 2);
    assertThat(apiYear).isBetween(apiMonth - 2, apiMonth + 2);
    assertThat(apiHouseholdFour).isEqualTo(apiHouseholdOne);
    assertThat(registerLarge).isEqualTo(registerSmall);
    assertThat(registerSmall).isLessThan(10);
  }

  private long page(Browser browser, TestTowns.Town town, String path) throws Exception {
    execute(Operations.createOperation("clear", UNIT));
    Browser.Page p = browser.get("http://" + town.host() + ":" + Http.port() + path);
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    return execute(Operations.createReadAttributeOperation(UNIT, "prepared-statement-count"))
        .asLong();
  }

  private long api(TestTowns.Town town, TownCitizens.Citizen c, String path) throws Exception {
    return apiWith(town, c.bearer(), path);
  }

  private long api(TestTowns.Town town, TownStaff.Member m, String path) throws Exception {
    return apiWith(town, TownStaff.bearer(m.token()), path);
  }

  private long apiWith(TestTowns.Town town, String[] headers, String path) throws Exception {
    execute(Operations.createOperation("clear", UNIT));
    Http.Response r = Http.get(town.host(), path, headers);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return execute(Operations.createReadAttributeOperation(UNIT, "prepared-statement-count"))
        .asLong();
  }

  private ModelNode execute(ModelNode op) throws Exception {
    ModelNode result = management.getControllerClient().execute(op);
    assertThat(Operations.isSuccessfulOutcome(result)).as(result.toString()).isTrue();
    return Operations.readResult(result);
  }
}
