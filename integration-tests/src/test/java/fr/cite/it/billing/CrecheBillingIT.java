package fr.cite.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.devstack.FamilyMonth;
import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crèche billed by the hour (the CNAF's PSU): the hourly price is the household's monthly
 * resources, declared with its quotient and kept between the tariff's floor and ceiling, times the
 * effort rate for its number of children; each day is its hours at that price, explained on the
 * invoice. Bad tariffs are clear problems; town B sees none of it.
 */
class CrecheBillingIT extends CiteIntegrationTest {

  static BillingFixture a;
  static BillingFixture b;
  static long creche;

  /** CNAF 2026-like rule: floor 801 €, ceiling 7 000 €; 0.0619 %, 0.0516 %, 0.0413 %, 0.031 %. */
  static final String HOURLY =
      "{\"resourcesFloorCents\":80100,\"resourcesCeilingCents\":700000,"
          + "\"effortRatesPpm\":[619,516,413,310]}";

  @BeforeAll
  static void setUp() throws Exception {
    TestKeycloak.awaitReady();
    a = new BillingFixture("creche-a");
    b = new BillingFixture("creche-b");
    try (Connection c = TestDatabase.asSuperuser()) {
      creche =
          new FamilyMonth(c, a.town.id())
              .creche("creche-des-lilas", "Crèche des Lilas", "08:00", "17:30");
    }
    Http.Response attach =
        Http.putJson(
            a.town.host(),
            "/api/v1/desk/billing/activities/" + creche,
            "{\"regieId\":" + a.regie + "}",
            a.finance.bearer());
    assertThat(attach.status()).as(attach.toString()).isEqualTo(200);
  }

  static Http.Response tariff(String unitAndRule) {
    return Http.postJson(
        a.town.host(),
        "/api/v1/desk/billing/tariffs",
        "{\"activityId\":"
            + creche
            + ",\"validFrom\":\""
            + BillingFixture.month(-3).atDay(1)
            + "\","
            + unitAndRule
            + "}",
        a.finance.bearer());
  }

  @Test
  void aCrecheDayIsItsHoursAtAShareOfTheHouseholdsResources() throws Exception {
    // Bad tariffs: clear problems, nothing created.
    Checks.assertProblem(tariff("\"unit\":\"HOUR\""), 422, "tariff-hourly-required");
    Checks.assertProblem(
        tariff(
            "\"unit\":\"HOUR\",\"hourly\":"
                + HOURLY
                + ",\"brackets\":[{\"quotientMin\":0,\"resident\":true,\"unitCents\":100}]"),
        422,
        "tariff-hourly-no-bracket");
    Checks.assertProblem(
        tariff(
            "\"unit\":\"HOUR\",\"hourly\":{\"resourcesFloorCents\":700000,"
                + "\"resourcesCeilingCents\":80100,\"effortRatesPpm\":[619]}"),
        422,
        "tariff-hourly-bounds");
    Checks.assertProblem(
        tariff(
            "\"unit\":\"HOUR\",\"hourly\":{\"resourcesFloorCents\":0,"
                + "\"resourcesCeilingCents\":80100,\"effortRatesPpm\":[0]}"),
        400,
        "invalid-request");
    Checks.assertProblem(
        tariff(
            "\"unit\":\"MEAL\",\"hourly\":"
                + HOURLY
                + ",\"brackets\":[{\"quotientMin\":0,\"resident\":true,\"unitCents\":100}]"),
        422,
        "tariff-hourly-only");
    Http.Response created = tariff("\"unit\":\"HOUR\",\"hourly\":" + HOURLY);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(
            Http.get(
                    a.town.host(),
                    "/api/v1/desk/billing/tariffs?activity=" + creche,
                    a.finance.bearer())
                .body())
        .contains("\"unit\":\"HOUR\"")
        .contains("619");

    // The parent declares the quotient with the certificate's monthly resources.
    Checks.assertProblem(quotient(-1), 400, "invalid-request");
    Http.Response declared = quotient(300_000);
    assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    assertThat(declared.json().getInt("monthlyResourcesCents")).isEqualTo(300_000);
    long quotient = declared.json().getJsonNumber("id").longValue();

    YearMonth m = BillingFixture.month(-1);
    List<LocalDate> days = FamilyMonth.canteenDays(m).subList(0, 3);
    try (Connection c = TestDatabase.asSuperuser()) {
      try (var s = c.createStatement()) {
        // As the agent who checked the certificate would.
        s.executeUpdate(
            "update family_quotient set status = 'ACCEPTED', checked_by = 'agent', checked_at = now()"
                + " where id = "
                + quotient);
      }
      FamilyMonth f = new FamilyMonth(c, a.town.id());
      Map<LocalDate, Long> sessions = f.sessions(creche, days);
      f.bookAll(a.youngest, creche, sessions);
      f.attendance(sessions.get(days.get(0)), a.youngest, "PRESENT");
      f.attendance(sessions.get(days.get(1)), a.youngest, "ABSENT");
    }
    long run = a.startRun(m).getJsonNumber("id").longValue();
    JsonObject drafted = a.awaitRun(run, "DRAFT", 60_000);
    assertThat(drafted.getJsonObject("progress").getInt("errors")).as(drafted.toString()).isZero();
    a.issue(run);
    JsonObject invoice = a.invoicesOfParent().get(0);
    // 3 000 € × 0.0516 % (two children) = 1.548 €/h; 9 h 30 a day: 14.706 → 14.71 €, three days
    // (present, unjustified absence at 100 %, booked without a register).
    assertThat(invoice.getInt("totalCents")).isEqualTo(3 * 1471);
    JsonObject detail =
        Http.get(
                a.town.host(),
                "/api/v1/family/billing/invoices/" + invoice.getJsonNumber("id"),
                a.parent.bearer())
            .json();
    assertThat(detail.getJsonArray("lines").toString())
        .contains("9 h 30 × 1,55")
        .contains("/h (ressources 3000 € × 0,0516 %)");

    // Town B: none of A's hourly tariff, nor of its resources.
    assertThat(
            Http.get(
                    b.town.host(),
                    "/api/v1/desk/billing/tariffs?activity=" + creche,
                    b.finance.bearer())
                .body())
        .doesNotContain("619");
    try (Connection c = TestDatabase.asApplication()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + b.town.id() + "', true)");
        assertThat(
                Checks.count(
                    c,
                    "select count(*) from family_quotient where monthly_resources_cents is not null"
                        + " and tenant_id = "
                        + a.town.id()))
            .isZero();
        assertThat(
                Checks.count(
                    c,
                    "select count(*) from billing_tariff where unit = 'HOUR' and tenant_id = "
                        + a.town.id()))
            .isZero();
      }
      c.rollback();
    }
  }

  static Http.Response quotient(int resourcesCents) {
    String pdf =
        Base64.getEncoder()
            .encodeToString(
                ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
                        + "/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return Http.postJson(
        a.town.host(),
        "/api/v1/family/quotients",
        "{\"value\":900,\"monthlyResourcesCents\":"
            + resourcesCents
            + ",\"source\":\"CAF\",\"validFrom\":\""
            + BillingFixture.month(-3).atDay(1)
            + "\",\"certificate\":{\"fileName\":\"attestation-caf.pdf\",\"content\":\""
            + pdf
            + "\"}}",
        a.parent.bearer());
  }
}
