package fr.cite.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.devstack.FamilyMonth;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownCitizens;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A town with a régie, a canteen tariff and a family: a parent (real account) with two children,
 * their canteen bookings of past months written as they would stand once lived (see {@link
 * FamilyMonth}), and a finance officer.
 */
final class BillingFixture {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Canteen prices in cents: residents by quotient bracket, one price for others. */
  static final String TARIFF_BRACKETS =
      "[{\"quotientMin\":0,\"quotientMax\":400,\"resident\":true,\"unitCents\":101},"
          + "{\"quotientMin\":400,\"quotientMax\":800,\"resident\":true,\"unitCents\":250},"
          + "{\"quotientMin\":800,\"resident\":true,\"unitCents\":420},"
          + "{\"quotientMin\":0,\"resident\":false,\"unitCents\":610}]";

  final TestTowns.Town town;
  final TownStaff.Member finance;
  final TownCitizens.Citizen parent;
  final long household;
  final long eldest;
  final long youngest;
  final long canteen;
  final long regie;

  BillingFixture(String prefix) throws Exception {
    town = TestTowns.onboard();
    finance = TownStaff.member(town, prefix + "-regisseur", "FINANCE");
    parent = TownCitizens.signUp(town, prefix + "-parent", "Camille", "Martin");
    Http.Response h =
        Http.putJson(
            town.host(),
            "/api/v1/family/household",
            "{\"address\":\"3 rue du Port\",\"postcode\":\"76600\",\"city\":\"Le Havre\",\"resident\":true}",
            parent.bearer());
    assertThat(h.status()).as(h.toString()).isEqualTo(200);
    eldest = child("Léa", "2017-03-01");
    youngest = child("Hugo", "2019-06-01");
    household = household(town, parent);
    try (Connection c = TestDatabase.asSuperuser()) {
      canteen = new FamilyMonth(c, town.id()).canteen("cantine-jules-ferry", "Cantine Jules-Ferry");
    }
    Http.Response r =
        Http.postJson(
            town.host(),
            "/api/v1/desk/billing/regies",
            "{\"code\":\"periscolaire\",\"nameFr\":\"Régie périscolaire\",\"counterAddress\":"
                + "\"Hôtel de ville, guichet famille\",\"officerName\":\"Dominique Régisseur\"}",
            finance.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    regie = r.json().getJsonNumber("id").longValue();
    Http.Response a =
        Http.putJson(
            town.host(),
            "/api/v1/desk/billing/activities/" + canteen,
            "{\"regieId\":" + regie + "}",
            finance.bearer());
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    Http.Response t =
        Http.postJson(
            town.host(),
            "/api/v1/desk/billing/tariffs",
            "{\"activityId\":"
                + canteen
                + ",\"validFrom\":\""
                + month(-3).atDay(1)
                + "\",\"unit\":\"MEAL\",\"unjustifiedPercent\":100,\"justifiedPercent\":0,"
                + "\"unbookedPercent\":150,\"unbookedExtraCents\":100,\"brackets\":"
                + TARIFF_BRACKETS
                + "}",
            finance.bearer());
    assertThat(t.status()).as(t.toString()).isEqualTo(201);
  }

  /** Onboards the régie onto the double's Connect; the connected account's id. */
  String onboardStripe(fr.cite.devstack.stripe.StripeDouble stripe) {
    Http.Response r =
        Http.postJson(
            town.host(), "/api/v1/desk/billing/regies/" + regie + "/stripe", "", finance.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String url = r.json().getString("url");
    assertThat(url).startsWith(stripe.baseUrl() + "/connect/onboarding/acct_");
    return java.net.URI.create(url).getPath().substring("/connect/onboarding/".length());
  }

  /** The régie as the finance officer sees it, with its payment account's state. */
  JsonObject regieView() {
    return Http.get(town.host(), "/api/v1/desk/billing/regies", finance.bearer())
        .structure()
        .asJsonArray()
        .getJsonObject(0);
  }

  void awaitChargesEnabled() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!regieView().getBoolean("chargesEnabled") && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(regieView().getBoolean("chargesEnabled")).isTrue();
  }

  long child(String first, String birth) {
    Http.Response r =
        Http.postJson(
            town.host(),
            "/api/v1/family/children",
            "{\"firstName\":\""
                + first
                + "\",\"lastName\":\"Martin\",\"birthDate\":\""
                + birth
                + "\"}",
            parent.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getJsonNumber("id").longValue();
  }

  static long household(TestTowns.Town town, TownCitizens.Citizen parent) {
    Http.Response r = Http.get(town.host(), "/api/v1/family/household", parent.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject o = r.json();
    return o.containsKey("id")
        ? o.getJsonNumber("id").longValue()
        : o.getJsonObject("household").getJsonNumber("id").longValue();
  }

  /** The month {@code offset} months from this one (-1: last month). */
  static YearMonth month(int offset) {
    return YearMonth.from(LocalDate.now(PARIS)).plusMonths(offset);
  }

  /** Books both children on every canteen day of the month; returns day → session. */
  Map<LocalDate, Long> bookMonth(YearMonth m) throws Exception {
    try (Connection c = TestDatabase.asSuperuser()) {
      FamilyMonth f = new FamilyMonth(c, town.id());
      Map<LocalDate, Long> sessions = f.sessions(canteen, FamilyMonth.canteenDays(m));
      f.bookAll(eldest, canteen, sessions);
      f.bookAll(youngest, canteen, sessions);
      return sessions;
    }
  }

  void quotient(int value, LocalDate from, LocalDate to) throws Exception {
    try (Connection c = TestDatabase.asSuperuser()) {
      new FamilyMonth(c, town.id()).quotient(household, value, from, to);
    }
  }

  /** Starts the run of the month and waits until it is in the status. */
  JsonObject startRun(YearMonth m) {
    Http.Response r =
        Http.postJson(
            town.host(),
            "/api/v1/desk/billing/runs",
            "{\"regieId\":" + regie + ",\"month\":\"" + m + "\"}",
            finance.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    return r.json();
  }

  JsonObject awaitRun(long run, String status, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    JsonObject last = null;
    while (System.currentTimeMillis() < deadline) {
      Http.Response r = Http.get(town.host(), "/api/v1/desk/billing/runs/" + run, finance.bearer());
      if (r.status() == 200) {
        last = r.json();
        if (status.equals(last.getString("status"))) {
          return last;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Run " + run + " not " + status + " in time: " + last);
  }

  JsonObject issue(long run) throws InterruptedException {
    Http.Response r =
        Http.postJson(
            town.host(), "/api/v1/desk/billing/runs/" + run + "/issue", "", finance.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    return awaitRun(run, "ISSUED", 60_000);
  }

  List<JsonObject> invoicesOfParent() {
    Http.Response r = Http.get(town.host(), "/api/v1/family/billing/invoices", parent.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonArray("invoices").getValuesAs(JsonObject.class);
  }
}
