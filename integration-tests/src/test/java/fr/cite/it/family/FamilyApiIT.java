package fr.cite.it.family;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownCitizens;
import fr.cite.it.support.TownStaff;
import fr.cite.platform.family.domain.PublicHolidays;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The family space through its API, as the rules say: a parent's household and children, a
 * registration accepted by an agent (the pattern is booked), the month of bookings, booking and
 * cancelling under the cut-off, 20 concurrent bookings of the last 3 seats (exactly 3 booked, 17 on
 * the waiting list in arrival order, a cancellation promotes the first), an absence, a crèche
 * application ranked and offered then accepted (its contract is booked), the register; bad input
 * with clear field errors and nothing written; and town B seeing nothing of town A's family space,
 * through the API and in the database as the application role.
 */
class FamilyApiIT extends CiteIntegrationTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String PDF =
      Base64.getEncoder()
          .encodeToString(
              ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
                      + "/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  static TestTowns.Town town;
  static TestTowns.Town other;
  static TownStaff.Member agent;
  static TownStaff.Member otherAgent;
  static TownCitizens.Citizen parent;

  @BeforeAll
  static void setUp() throws Exception {
    TestKeycloak.awaitReady();
    town = TestTowns.onboard();
    other = TestTowns.onboard();
    agent = TownStaff.member(town, "agent", "AGENT");
    otherAgent = TownStaff.member(other, "agent-b", "AGENT");
    parent = TownCitizens.signUp(town, "parent", "Camille", "Parent");
  }

  static String[] agent(TownStaff.Member m) {
    return TownStaff.bearer(m.token());
  }

  static LocalDate today() {
    return LocalDate.now(PARIS);
  }

  /** The n-th working day (Monday to Friday, not a public holiday) from a day on. */
  static LocalDate workingDay(LocalDate from, int n) {
    LocalDate d = from;
    int seen = -1;
    while (true) {
      if (d.getDayOfWeek().getValue() <= 5 && !PublicHolidays.is(d)) {
        seen++;
        if (seen == n) {
          return d;
        }
      }
      d = d.plusDays(1);
    }
  }

  static JsonObject activity(
      TestTowns.Town t, TownStaff.Member m, String slug, String kind, int capacity, String rule) {
    Http.Response r =
        Http.putJson(
            t.host(),
            "/api/v1/desk/family/activities/" + slug,
            "{\"kind\":\""
                + kind
                + "\",\"nameFr\":\"Cantine "
                + slug
                + "\",\"site\":\"École Jules-Ferry\","
                + "\"capacity\":"
                + capacity
                + ",\"days\":\"WORKING_DAYS\","
                + "\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],"
                + "\"start\":\"11:30\",\"end\":\"13:30\",\"bookRule\":\""
                + rule
                + "\",\"cancelRule\":\""
                + rule
                + "\","
                + "\"latePolicy\":\"REFUSE\"}",
            agent(m));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  static void household(TownCitizens.Citizen c, TestTowns.Town t) throws Exception {
    Http.Response h =
        Http.putJson(
            t.host(),
            "/api/v1/family/household",
            "{\"address\":\"3 rue du Port\",\"postcode\":\"76600\",\"city\":\"Le Havre\",\"resident\":true}",
            c.bearer());
    assertThat(h.status()).as(h.toString()).isEqualTo(200);
  }

  static long child(TownCitizens.Citizen c, TestTowns.Town t, String first, String birth) {
    Http.Response r =
        Http.postJson(
            t.host(),
            "/api/v1/family/children",
            "{\"firstName\":\""
                + first
                + "\",\"lastName\":\"Parent\",\"birthDate\":\""
                + birth
                + "\","
                + "\"school\":\"École Jules-Ferry\",\"classLevel\":\"CE1\",\"allergies\":\"arachide\",\"pai\":true,"
                + "\"pickup\":[{\"name\":\"Mamie\",\"phone\":\"06 12 34 56 78\"}]}",
            c.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getJsonNumber("id").longValue();
  }

  static long register(
      TownCitizens.Citizen c,
      long child,
      long activity,
      LocalDate from,
      LocalDate to,
      String days) {
    Http.Response r =
        Http.postJson(
            town.host(),
            "/api/v1/family/registrations",
            "{\"childId\":"
                + child
                + ",\"activityId\":"
                + activity
                + ",\"from\":\""
                + from
                + "\",\"to\":\""
                + to
                + "\",\"weekdays\":["
                + days
                + "]}",
            c.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getJsonNumber("id").longValue();
  }

  static int accept(long registration) {
    Http.Response r =
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/registrations/" + registration + "/decision",
            "{\"decision\":\"ACCEPT\"}",
            agent(agent));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getInt("booked");
  }

  static JsonObject day(TownCitizens.Citizen c, long child, LocalDate day) {
    Http.Response m =
        Http.get(
            town.host(),
            "/api/v1/family/children/"
                + child
                + "/calendar?month="
                + day.toString().substring(0, 7),
            c.bearer());
    assertThat(m.status()).as(m.toString()).isEqualTo(200);
    for (JsonValue a : m.json().getJsonArray("activities")) {
      for (JsonValue d : a.asJsonObject().getJsonArray("days")) {
        if (d.asJsonObject().getString("day").equals(day.toString())) {
          return d.asJsonObject();
        }
      }
    }
    throw new AssertionError("no " + day + " in " + m.body());
  }

  static Http.Response book(TownCitizens.Citizen c, long child, long session, String action) {
    return Http.postJson(
        town.host(),
        "/api/v1/family/children/" + child + "/bookings",
        "{\"sessionId\":" + session + ",\"action\":\"" + action + "\"}",
        c.bearer());
  }

  @Test
  void aParentRegistersBooksAndCancelsUnderTheCutOffAndAnAgentAccepts() throws Exception {
    JsonObject canteen =
        activity(town, agent, "cantine-ferry", "CANTEEN", 30, "RELATIVE 2 CALENDAR 10:00");
    long activityId = canteen.getJsonNumber("id").longValue();
    household(parent, town);
    long lea = child(parent, town, "Léa", "2018-05-12");
    LocalDate from = today().plusDays(1);
    LocalDate to = from.plusDays(40);
    long registration =
        register(
            parent, lea, activityId, from, to, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\",\"FRIDAY\"");

    // The registration is a request of the common model: in "Mon compte" and the agents' queue.
    Http.Response mine = Http.get(town.host(), "/api/v1/requests/mine", parent.bearer());
    assertThat(mine.body()).contains("Inscription à une activité");
    Http.Response queue = Http.get(town.host(), "/api/v1/desk/family/registrations", agent(agent));
    assertThat(queue.body()).contains("Léa Parent");

    assertThat(accept(registration)).isGreaterThan(0);
    LocalDate far = workingDay(today().plusDays(8), 0);
    while (far.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
      far = workingDay(far.plusDays(1), 0);
    }
    JsonObject booked = day(parent, lea, far);
    assertThat(booked.getString("state")).isEqualTo("BOOKED");
    assertThat(booked.getBoolean("canCancel")).isTrue();

    // Cancel, then book again a day far enough: on time.
    long session = booked.getJsonNumber("sessionId").longValue();
    Http.Response cancelled = book(parent, lea, session, "CANCEL");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.body()).contains("\"CANCELLED\"");
    assertThat(day(parent, lea, far).getString("state")).isEqualTo("CANCELLED");
    assertThat(day(parent, lea, far).getBoolean("canBook")).isTrue();
    assertThat(book(parent, lea, session, "BOOK").body()).contains("\"BOOKED\"");

    // Tomorrow is past its J-2 cut-off: refused with the rule's problem, nothing changes.
    LocalDate tomorrow = workingDay(today().plusDays(1), 0);
    if (!tomorrow.isAfter(today().plusDays(1))) {
      JsonObject t = day(parent, lea, tomorrow);
      Http.Response late =
          book(
              parent,
              lea,
              t.getJsonNumber("sessionId").longValue(),
              t.getString("state").equals("BOOKED") ? "CANCEL" : "BOOK");
      Checks.assertProblem(
          late,
          422,
          t.getString("state").equals("BOOKED")
              ? "family-cancel-deadline-passed"
              : "family-booking-deadline-passed");
    }

    // A pattern: every Wednesday until the end of the registration.
    Http.Response pattern =
        Http.postJson(
            town.host(),
            "/api/v1/family/children/" + lea + "/bookings",
            "{\"activityId\":"
                + activityId
                + ",\"weekdays\":[\"WEDNESDAY\"],\"from\":\""
                + today().plusDays(8)
                + "\",\"until\":\""
                + to
                + "\",\"action\":\"BOOK\"}",
            parent.bearer());
    assertThat(pattern.status()).as(pattern.toString()).isEqualTo(200);
    assertThat(pattern.structure().asJsonArray())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.asJsonObject().getString("outcome")).isEqualTo("BOOKED"));

    // Before the registration starts: refused.
    JsonArray sessions =
        Http.get(
                town.host(),
                "/api/v1/desk/family/sessions?day=" + workingDay(to.plusDays(1), 0),
                agent(agent))
            .structure()
            .asJsonArray();
    long after =
        sessions.stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> s.getString("activity").equals("Cantine cantine-ferry"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("sessionId")
            .longValue();
    Checks.assertProblem(
        book(parent, lea, after, "BOOK"), 422, "family-booking-outside-registration");

    // Absence today with a certificate: a request; in the future: a field error.
    Http.Response absence =
        Http.postJson(
            town.host(),
            "/api/v1/family/absences",
            "{\"childId\":"
                + lea
                + ",\"firstDay\":\""
                + today().minusDays(1)
                + "\",\"lastDay\":\""
                + today()
                + "\",\"certificate\":{\"fileName\":\"certificat.pdf\",\"content\":\""
                + PDF
                + "\"}}",
            parent.bearer());
    assertThat(absence.status()).as(absence.toString()).isEqualTo(201);
    Http.Response future =
        Http.postJson(
            town.host(),
            "/api/v1/family/absences",
            "{\"childId\":"
                + lea
                + ",\"firstDay\":\""
                + today()
                + "\",\"lastDay\":\""
                + today().plusDays(3)
                + "\",\"certificate\":{\"fileName\":\"certificat.pdf\",\"content\":\""
                + PDF
                + "\"}}",
            parent.bearer("Accept-Language", "en"));
    Checks.assertProblem(future, 422, "invalid-form");
    assertThat(future.body()).contains("lastDay").contains("today or past days");
  }

  @Test
  void twentyConcurrentBookingsOfTheLastThreeSeatsBookThreeAndQueueSeventeenInOrder()
      throws Exception {
    long activityId =
        activity(town, agent, "centre-loisirs", "LEISURE", 3, "RELATIVE 1 CALENDAR 10:00")
            .getJsonNumber("id")
            .longValue();
    List<TownCitizens.Citizen> parents = new ArrayList<>();
    List<long[]> children = new ArrayList<>();
    LocalDate from = today().plusDays(1);
    LocalDate to = from.plusDays(30);
    for (int p = 0; p < 4; p++) {
      TownCitizens.Citizen c =
          p == 0 ? parent : TownCitizens.signUp(town, "parent" + p, "Parent", "N" + p);
      parents.add(c);
      if (p > 0) {
        household(c, town);
      } else {
        household(c, town);
      }
      for (int k = 0; k < 5; k++) {
        long id = child(c, town, "Enfant" + p + k, "2017-0" + (k + 1) + "-10");
        // A pattern on a day that is not the contested one: nothing booked on it at acceptance.
        long r =
            register(c, id, activityId, from, to, "\"SATURDAY\"".replace("SATURDAY", "MONDAY"));
        accept(r);
        children.add(new long[] {p, id});
      }
    }
    LocalDate contested = workingDay(today().plusDays(5), 0);
    while (contested.getDayOfWeek() == DayOfWeek.MONDAY) {
      contested = workingDay(contested.plusDays(1), 0);
    }
    long session =
        day(parents.get(0), children.get(0)[1], contested).getJsonNumber("sessionId").longValue();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Http.Response>> sent = new ArrayList<>();
    for (long[] c : children) {
      TownCitizens.Citizen p = parents.get((int) c[0]);
      Callable<Http.Response> call = () -> book(p, c[1], session, "BOOK");
      sent.add(pool.submit(call));
    }
    int booked = 0;
    int waiting = 0;
    for (Future<Http.Response> f : sent) {
      Http.Response r = f.get();
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      if (r.body().contains("\"BOOKED\"")) {
        booked++;
      } else if (r.body().contains("\"WAITLISTED\"")) {
        waiting++;
      }
    }
    pool.shutdown();
    assertThat(booked).isEqualTo(3);
    assertThat(waiting).isEqualTo(17);
    List<Long> queue = new ArrayList<>();
    long firstBooked;
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(Checks.count(c, "select booked from family_session where id = " + session))
          .isEqualTo(3);
      try (PreparedStatement s =
          c.prepareStatement(
              "select child_id from family_booking where session_id = ? and status = 'WAITLIST' order by waitlist_at, id")) {
        s.setLong(1, session);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            queue.add(rs.getLong(1));
          }
        }
      }
      firstBooked =
          Checks.count(
              c,
              "select min(child_id) from family_booking where session_id = "
                  + session
                  + " and status = 'BOOKED'");
    }
    assertThat(queue).hasSize(17);
    // Each waiting child sees its own position, 1 to 17 in the order of the list.
    for (int i = 0; i < 3; i++) {
      long childId = queue.get(i);
      TownCitizens.Citizen p =
          parents.get(
              (int) children.stream().filter(c -> c[1] == childId).findFirst().orElseThrow()[0]);
      JsonObject d = day(p, childId, contested);
      assertThat(d.getString("state")).isEqualTo("WAITLIST");
      assertThat(d.getInt("waitlistPosition")).isEqualTo(i + 1);
    }
    // A cancellation promotes the first of the list.
    long canceller = firstBooked;
    TownCitizens.Citizen owner =
        parents.get(
            (int) children.stream().filter(c -> c[1] == canceller).findFirst().orElseThrow()[0]);
    assertThat(book(owner, canceller, session, "CANCEL").status()).isEqualTo(200);
    TownCitizens.Citizen firstOwner =
        parents.get(
            (int) children.stream().filter(c -> c[1] == queue.get(0)).findFirst().orElseThrow()[0]);
    assertThat(day(firstOwner, queue.get(0), contested).getString("state")).isEqualTo("BOOKED");
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(Checks.count(c, "select booked from family_session where id = " + session))
          .isEqualTo(3);
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from family_booking where session_id = "
                      + session
                      + " and status = 'WAITLIST'"))
          .isEqualTo(16);
    }
  }

  @Test
  void badInputGetsFieldErrorsInFrenchAndEnglishAndWritesNothing() throws Exception {
    long activityId =
        activity(town, agent, "periscolaire-soir", "AFTER_SCHOOL", 20, "RELATIVE 1 CALENDAR 18:00")
            .getJsonNumber("id")
            .longValue();
    TownCitizens.Citizen c = TownCitizens.signUp(town, "parent-bad", "Basile", "Erreur");
    household(c, town);
    long child = child(c, town, "Noé", "2019-02-02");
    long before;
    try (Connection db = TestDatabase.asSuperuser()) {
      before =
          Checks.count(
              db,
              "select (select count(*) from family_child) + (select count(*) from family_registration) + (select count(*) from family_document) + (select count(*) from demande)");
    }
    Http.Response future =
        Http.postJson(
            town.host(),
            "/api/v1/family/children",
            "{\"firstName\":\"Futur\",\"lastName\":\"Bébé\",\"birthDate\":\""
                + today().plusDays(30)
                + "\"}",
            c.bearer());
    Checks.assertProblem(future, 422, "invalid-form");
    assertThat(future.body()).contains("birthDate").contains("ne peut pas être dans le futur");
    Http.Response futureEn =
        Http.postJson(
            town.host(),
            "/api/v1/family/children",
            "{\"firstName\":\"Futur\",\"lastName\":\"Bébé\",\"birthDate\":\""
                + today().plusDays(30)
                + "\"}",
            c.bearer("Accept-Language", "en"));
    assertThat(futureEn.body()).contains("cannot be in the future");
    Http.Response closedDay =
        Http.postJson(
            town.host(),
            "/api/v1/family/registrations",
            "{\"childId\":"
                + child
                + ",\"activityId\":"
                + activityId
                + ",\"from\":\""
                + today().plusDays(1)
                + "\",\"to\":\""
                + today().plusDays(20)
                + "\",\"weekdays\":[\"SATURDAY\"]}",
            c.bearer());
    Checks.assertProblem(closedDay, 422, "invalid-form");
    assertThat(closedDay.body()).contains("weekdays").contains("un jour choisi est fermé");
    Http.Response notPdf =
        Http.postJson(
            town.host(),
            "/api/v1/family/documents",
            "{\"kind\":\"ADDRESS_PROOF\",\"file\":{\"fileName\":\"facture.exe\",\"content\":\""
                + Base64.getEncoder()
                    .encodeToString(
                        "MZ\u0090\u0000 not a pdf"
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                + "\"}}",
            c.bearer("Accept-Language", "en"));
    Checks.assertProblem(notPdf, 422, "invalid-form");
    assertThat(notPdf.body()).contains("\"file\"").contains("neither a PDF nor a JPEG or PNG");
    Checks.assertProblem(
        Http.postJson(
            town.host(),
            "/api/v1/family/children",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":\"12/05/2018\"}",
            c.bearer()),
        400,
        "malformed-field");
    Checks.assertProblem(
        Http.get(
            town.host(),
            "/api/v1/family/children/" + child + "/calendar?month=décembre",
            c.bearer()),
        400,
        "family-bad-month");
    try (Connection db = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  db,
                  "select (select count(*) from family_child) + (select count(*) from family_registration) + (select count(*) from family_document) + (select count(*) from demande)"))
          .isEqualTo(before);
    }
  }

  @Test
  void aCrecheApplicationShowsItsPlaceAndPointsAndAnAcceptedOfferIsBooked() throws Exception {
    long creche =
        activity(town, agent, "creche-les-mouettes", "CRECHE", 12, "RELATIVE 7 CALENDAR 12:00")
            .getJsonNumber("id")
            .longValue();
    TownCitizens.Citizen c = TownCitizens.signUp(town, "parent-creche", "Inès", "Crèche");
    household(c, town);
    long baby = child(c, town, "Lou", today().minusMonths(8).toString());
    Http.Response applied =
        Http.postJson(
            town.host(),
            "/api/v1/family/creche-applications",
            "{\"childId\":"
                + baby
                + ",\"start\":\""
                + today().plusDays(20)
                + "\",\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"THURSDAY\"],"
                + "\"arrival\":\"08:30\",\"departure\":\"17:30\",\"preferences\":["
                + creche
                + "],\"criteria\":[\"SIBLING\",\"BOTH_WORKING\"]}",
            c.bearer());
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    long application = applied.json().getJsonNumber("id").longValue();
    JsonObject mine =
        Http.get(town.host(), "/api/v1/family/creche-applications", c.bearer())
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    assertThat(mine.getInt("position")).isGreaterThanOrEqualTo(1);
    assertThat(mine.getInt("points")).isEqualTo(30 + 20 + 15);
    assertThat(mine.getJsonArray("score").toString())
        .contains("Frère ou sœur déjà accueilli")
        .contains("Famille habitant la commune");
    JsonArray ranking =
        Http.get(town.host(), "/api/v1/desk/family/creche-applications", agent(agent))
            .structure()
            .asJsonArray();
    assertThat(ranking.toString()).contains("Lou Parent");
    Http.Response offered =
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/creche-applications/" + application + "/offer",
            "{\"crecheId\":"
                + creche
                + ",\"start\":\""
                + today().plusDays(20)
                + "\",\"deadline\":\""
                + today().plusDays(10)
                + "\"}",
            agent(agent));
    assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
    Http.Response accepted =
        Http.postJson(
            town.host(),
            "/api/v1/family/creche-applications/" + application + "/answer",
            "{\"accept\":true}",
            c.bearer());
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    LocalDate monday = today().plusDays(21);
    while (monday.getDayOfWeek() != DayOfWeek.MONDAY || PublicHolidays.is(monday)) {
      monday = monday.plusDays(1);
    }
    assertThat(day(c, baby, monday).getString("state")).isEqualTo("BOOKED");

    // An offer whose answer deadline passed goes back to the list, points and date kept.
    long second = child(c, town, "Sacha", today().minusMonths(10).toString());
    Http.Response again =
        Http.postJson(
            town.host(),
            "/api/v1/family/creche-applications",
            "{\"childId\":"
                + second
                + ",\"start\":\""
                + today().plusDays(40)
                + "\",\"weekdays\":[\"MONDAY\"],\"arrival\":\"09:00\",\"departure\":\"16:00\","
                + "\"preferences\":["
                + creche
                + "]}",
            c.bearer());
    long late = again.json().getJsonNumber("id").longValue();
    assertThat(
            Http.postJson(
                    town.host(),
                    "/api/v1/desk/family/creche-applications/" + late + "/offer",
                    "{\"crecheId\":"
                        + creche
                        + ",\"start\":\""
                        + today().plusDays(40)
                        + "\",\"deadline\":\""
                        + today()
                        + "\"}",
                    agent(agent))
                .status())
        .isEqualTo(200);
    try (Connection db = TestDatabase.asSuperuser()) {
      db.createStatement()
          .execute(
              "update family_creche_application set offer_deadline = current_date - 1 where id = "
                  + late);
    }
    JsonObject lapsed =
        Http.get(town.host(), "/api/v1/desk/family/creche-applications", agent(agent))
            .structure()
            .asJsonArray()
            .stream()
            .map(JsonValue::asJsonObject)
            .filter(o -> o.getJsonNumber("id").longValue() == late)
            .findFirst()
            .orElseThrow();
    assertThat(lapsed.getString("status")).isEqualTo("WAITING");
    assertThat(!lapsed.containsKey("offerCrecheId") || lapsed.isNull("offerCrecheId")).isTrue();
    Checks.assertProblem(
        Http.postJson(
            town.host(),
            "/api/v1/family/creche-applications/" + late + "/answer",
            "{\"accept\":true}",
            c.bearer()),
        409,
        "family-creche-no-offer");
  }

  @Test
  void theRegisterListsBookedChildrenWithTheirFlagsAndMarksThem() throws Exception {
    long activityId =
        activity(town, agent, "periscolaire-matin", "AFTER_SCHOOL", 40, "RELATIVE 1 CALENDAR 18:00")
            .getJsonNumber("id")
            .longValue();
    TownCitizens.Citizen c = TownCitizens.signUp(town, "parent-appel", "Yann", "Appel");
    household(c, town);
    long child = child(c, town, "Maël", "2016-03-03");
    long r =
        register(
            c,
            child,
            activityId,
            today(),
            today().plusDays(30),
            "\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"");
    accept(r);
    // Today's session (made here if today is a weekend or holiday) with the child booked.
    long session;
    try (Connection db = TestDatabase.asSuperuser()) {
      db.createStatement()
          .execute(
              "insert into family_session (id, tenant_id, activity_id, day, capacity) values (nextval('family_seq'), "
                  + town.id()
                  + ", "
                  + activityId
                  + ", current_date, 40) on conflict do nothing");
      session =
          Checks.count(
              db,
              "select id from family_session where activity_id = "
                  + activityId
                  + " and day = current_date");
      db.createStatement()
          .execute(
              "insert into family_booking (id, tenant_id, child_id, session_id, registration_id, status, source, updated_at)"
                  + " values (nextval('family_seq'), "
                  + town.id()
                  + ", "
                  + child
                  + ", "
                  + session
                  + ", "
                  + r
                  + ", 'BOOKED', 'AGENT', now()) on conflict do nothing");
    }
    Http.Response sheet =
        Http.get(
            town.host(), "/api/v1/desk/family/sessions/" + session + "/register", agent(agent));
    assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
    JsonObject line = sheet.json().getJsonArray("children").getJsonObject(0);
    assertThat(line.getString("firstName")).isEqualTo("Maël");
    assertThat(line.getBoolean("pai")).isTrue();
    assertThat(line.getString("allergies")).isEqualTo("arachide");
    Http.Response marked =
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/sessions/" + session + "/register",
            "{\"childId\":" + child + ",\"mark\":\"PRESENT\"}",
            agent(agent));
    assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
    assertThat(marked.body()).contains("\"PRESENT\"");
    Http.Response closed =
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/sessions/" + session + "/register/close",
            "",
            agent(agent));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    Checks.assertProblem(
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/sessions/" + session + "/register",
            "{\"childId\":" + child + ",\"mark\":\"ABSENT\"}",
            agent(agent)),
        409,
        "family-register-closed");
  }

  @Test
  void townBSeesNothingOfTownAsFamilySpace() throws Exception {
    household(parent, town);
    long child = child(parent, town, "Isolée", "2015-01-01");
    // The same account on town B has no household there.
    String tokenOnB = parent.tokenOn(other);
    Checks.assertProblem(
        Http.get(other.host(), "/api/v1/family/household", TownStaff.bearer(tokenOnB)),
        404,
        "family-no-household");
    Checks.assertProblem(
        Http.get(other.host(), "/api/v1/family/children/" + child, TownStaff.bearer(tokenOnB)),
        404,
        "family-no-household");
    // Town B's staff: 404 on A's child on their own host, 403 on A's host.
    Checks.assertProblem(
        Http.get(other.host(), "/api/v1/desk/family/children/" + child, agent(otherAgent)),
        404,
        "family-child-not-found");
    Checks.assertProblem(
        Http.get(town.host(), "/api/v1/desk/family/children/" + child, agent(otherAgent)),
        403,
        "town-staff-only");
    assertThat(
            Http.get(other.host(), "/api/v1/desk/family/children?q=Isol", agent(otherAgent)).body())
        .isEqualTo("[]");
    // The database as the application role: B's tenant reads none of A's rows and cannot write one.
    try (Connection db = TestDatabase.asApplication()) {
      db.setAutoCommit(false);
      db.createStatement()
          .execute("select set_config('app.tenant_id', '" + other.id() + "', true)");
      assertThat(Checks.count(db, "select count(*) from family_child where id = " + child))
          .isZero();
      assertThat(
              Checks.count(
                  db, "select count(*) from family_household where tenant_id = " + town.id()))
          .isZero();
      assertThat(
              db.createStatement()
                  .executeUpdate("update family_child set first_name = 'X' where id = " + child))
          .isZero();
      db.rollback();
      db.createStatement().execute("select set_config('app.tenant_id', '', true)");
      assertThat(Checks.count(db, "select count(*) from family_child")).isZero();
      db.rollback();
    }
  }

  @Test
  void aSecondGuardianJoinsByInvitationAndAClosureCancelsTheDayAndTellsTheFamily()
      throws Exception {
    long activityId =
        activity(town, agent, "cantine-greve", "CANTEEN", 50, "RELATIVE 1 CALENDAR 10:00")
            .getJsonNumber("id")
            .longValue();
    TownCitizens.Citizen first = TownCitizens.signUp(town, "parent-un", "Anne", "Duo");
    household(first, town);
    long child = child(first, town, "Zoé", "2017-09-09");
    long r =
        register(
            first,
            child,
            activityId,
            today().plusDays(1),
            today().plusDays(40),
            "\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"");
    accept(r);

    // The second parent: invited by e-mail, joins with their own account, sees the same child.
    TownCitizens.Citizen second = TownCitizens.signUp(town, "parent-deux", "Bruno", "Duo");
    Http.Response invited =
        Http.postJson(
            town.host(),
            "/api/v1/family/guardians",
            "{\"name\":\"Bruno Duo\",\"email\":\"" + second.email() + "\"}",
            first.bearer());
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    String mail =
        TestMail.awaitMessagesTo(second.email()).stream()
            .filter(m -> m.subject().contains("espace famille"))
            .findFirst()
            .orElseThrow()
            .body();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(mail);
    assertThat(token.find()).as(mail).isTrue();
    Http.Response joined =
        Http.postJson(
            town.host(), "/api/v1/family/guardians/join/" + token.group(1), "", second.bearer());
    assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
    assertThat(Http.get(town.host(), "/api/v1/family/children/" + child, second.bearer()).status())
        .isEqualTo(200);
    Checks.assertProblem(
        Http.postJson(
            town.host(), "/api/v1/family/guardians/join/" + token.group(1), "", parent.bearer()),
        404,
        "family-invitation-not-found");

    // A strike day: the day's bookings are cancelled without charge and both parents are told.
    LocalDate strike = workingDay(today().plusDays(3), 0);
    while (strike.getDayOfWeek() == DayOfWeek.SATURDAY
        || strike.getDayOfWeek() == DayOfWeek.SUNDAY) {
      strike = workingDay(strike.plusDays(1), 0);
    }
    assertThat(day(first, child, strike).getString("state")).isEqualTo("BOOKED");
    Http.Response closed =
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/closures",
            "{\"activityId\":"
                + activityId
                + ",\"day\":\""
                + strike
                + "\",\"reason\":\"Grève du personnel\"}",
            agent(agent));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.json().getInt("cancelledBookings")).isEqualTo(1);
    JsonObject d = day(first, child, strike);
    assertThat(d.getString("state")).isEqualTo("CLOSED");
    assertThat(d.getString("closedReason")).isEqualTo("Grève du personnel");
    for (String to : new String[] {first.email(), second.email()}) {
      assertThat(TestMail.awaitMessagesTo(to))
          .anySatisfy(m -> assertThat(m.subject()).contains("Fermeture exceptionnelle"));
    }
    try (Connection db = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  db,
                  "select count(*) from family_booking b join family_session s on s.id = b.session_id"
                      + " where b.child_id = "
                      + child
                      + " and s.day = '"
                      + strike
                      + "' and b.status = 'CANCELLED' and b.cancel_reason = 'CLOSURE'"))
          .isEqualTo(1);
    }

    // The second parent has the town forget them: they leave the household, the child stays.
    assertThat(
            Http.send(
                    town.host(),
                    "/api/v1/requests/me",
                    "application/json",
                    new byte[0],
                    "DELETE",
                    second.bearer())
                .status())
        .isEqualTo(204);
    Checks.assertProblem(
        Http.get(town.host(), "/api/v1/family/household", second.bearer()),
        404,
        "family-no-household");
    assertThat(Http.get(town.host(), "/api/v1/family/household", first.bearer()).body())
        .contains("Zoé")
        .doesNotContain(second.email());
  }

  @Test
  void activityStaffTakeTheRegisterAndNothingElse() throws Exception {
    TownStaff.Member animateur = TownStaff.member(town, "animateur", "ACTIVITY_STAFF");
    assertThat(Http.get(town.host(), "/api/v1/desk/family/sessions", agent(animateur)).status())
        .isEqualTo(200);
    Checks.assertProblem(
        Http.get(town.host(), "/api/v1/desk/family/registrations", agent(animateur)),
        403,
        "town-staff-only");
    Checks.assertProblem(
        Http.get(town.host(), "/api/v1/desk/family/children?q=a", agent(animateur)),
        403,
        "town-staff-only");
    Checks.assertProblem(
        Http.get(town.host(), "/api/v1/desk/requests", agent(animateur)), 403, "town-staff-only");
    String console = "http://" + town.host() + ":" + Http.port() + "/admin/desk/family/";
    assertThat(animateur.browser().get(console + "register.xhtml").status()).isEqualTo(200);
    assertThat(animateur.browser().get(console + "queue.xhtml").status()).isEqualTo(403);
    assertThat(animateur.browser().get(console + "index.xhtml").status()).isEqualTo(403);
    assertThat(
            animateur
                .browser()
                .get("http://" + town.host() + ":" + Http.port() + "/admin/desk/requests.xhtml")
                .status())
        .isEqualTo(403);
  }

  @Test
  void anAgentChecksDocumentsAndAbsencesAndExpiringDocumentsAreReminded() throws Exception {
    TownCitizens.Citizen c = TownCitizens.signUp(town, "parent-pieces", "Pia", "Pieces");
    household(c, town);
    long child = child(c, town, "Théo", "2016-06-06");
    Http.Response doc =
        Http.postJson(
            town.host(),
            "/api/v1/family/documents",
            "{\"kind\":\"ADDRESS_PROOF\",\"file\":{\"fileName\":\"facture.pdf\",\"content\":\""
                + PDF
                + "\"}}",
            c.bearer());
    assertThat(doc.status()).as(doc.toString()).isEqualTo(201);
    long id = doc.json().getJsonNumber("id").longValue();
    assertThat(Http.get(town.host(), "/api/v1/desk/family/documents", agent(agent)).body())
        .contains("facture.pdf");
    Checks.assertProblem(
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/documents/" + id + "/check",
            "{\"accept\":false}",
            agent(agent)),
        422,
        "invalid-form");
    Http.Response accepted =
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/documents/" + id + "/check",
            "{\"accept\":true,\"validTo\":\"" + today().plusDays(10) + "\"}",
            agent(agent));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().getString("status")).isEqualTo("ACCEPTED");
    Http.Response reminded =
        Http.postJson(town.host(), "/api/v1/desk/family/documents/reminders", "", agent(agent));
    assertThat(reminded.json().getInt("reminded")).isGreaterThanOrEqualTo(1);
    assertThat(TestMail.awaitMessagesTo(c.email()))
        .anySatisfy(m -> assertThat(m.subject()).contains("expire le"));
    // Once per document.
    assertThat(
            Http.postJson(town.host(), "/api/v1/desk/family/documents/reminders", "", agent(agent))
                .json()
                .getInt("reminded"))
        .isZero();

    Http.Response absence =
        Http.postJson(
            town.host(),
            "/api/v1/family/absences",
            "{\"childId\":"
                + child
                + ",\"firstDay\":\""
                + today()
                + "\",\"lastDay\":\""
                + today()
                + "\",\"certificate\":{\"fileName\":\"certificat.pdf\",\"content\":\""
                + PDF
                + "\"}}",
            c.bearer());
    long absenceId = absence.json().getJsonNumber("id").longValue();
    Http.Response justified =
        Http.postJson(
            town.host(),
            "/api/v1/desk/family/absences/" + absenceId + "/check",
            "{\"accept\":true}",
            agent(agent));
    assertThat(justified.status()).as(justified.toString()).isEqualTo(200);
    assertThat(
            Http.get(town.host(), "/api/v1/family/children/" + child + "/absences", c.bearer())
                .body())
        .contains("\"ACCEPTED\"");
    // The request of the common model followed: done.
    assertThat(Http.get(town.host(), "/api/v1/requests/mine", c.bearer()).body())
        .contains("Absence pour maladie")
        .contains("DONE");

    // Town B's staff: the document is not found through their console either.
    assertThat(
            otherAgent
                .browser()
                .get(
                    "http://"
                        + other.host()
                        + ":"
                        + Http.port()
                        + "/admin/desk/family/file?id="
                        + id)
                .status())
        .isEqualTo(404);
    assertThat(
            agent
                .browser()
                .get(
                    "http://"
                        + town.host()
                        + ":"
                        + Http.port()
                        + "/admin/desk/family/file?id="
                        + id)
                .status())
        .isEqualTo(200);
    // The parent of town A on town B's portal: A's child's calendar is not found.
    fr.cite.it.support.Browser.Page onB =
        c.browser()
            .get(
                "http://"
                    + other.host()
                    + ":"
                    + Http.port()
                    + "/compte/famille/calendrier.xhtml?enfant="
                    + child);
    if (onB.uri().getPath().startsWith("/realms/")) {
      onB = fr.cite.it.support.KeycloakPages.signIn(c.browser(), onB, c.email(), c.password());
    }
    assertThat(onB.status()).as(onB.uri() + " " + onB.body()).isEqualTo(404);
    assertThat(onB.body()).contains("Enfant introuvable").doesNotContain("Théo");
    assertThat(
            c.browser()
                .get(
                    "http://"
                        + town.host()
                        + ":"
                        + Http.port()
                        + "/compte/famille/calendrier.xhtml?enfant="
                        + child)
                .status())
        .isEqualTo(200);
  }
}
