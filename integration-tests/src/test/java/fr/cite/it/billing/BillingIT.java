package fr.cite.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.devstack.FamilyMonth;
import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Billing runs of a régie end to end: two months of a family's canteen (a quotient changing
 * mid-month, on a bracket boundary, none at all on another household; present, absent with and
 * without a justification, cancelled, present without a booking), two concurrent starts making one
 * run, each line explained and summing to the invoice, the forecast equal to the invoice, gapless
 * numbers, the PDF, the family's "payment due" request and e-mail, a justified absence of an
 * invoiced day credited on the next run at exactly minus the original line; and town B's finance
 * officer, parent and database role seeing none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingIT extends CiteIntegrationTest {

  static BillingFixture a;
  static BillingFixture b;
  static YearMonth twoMonthsAgo = BillingFixture.month(-2);
  static YearMonth lastMonth = BillingFixture.month(-1);
  static Map<LocalDate, Long> first;
  static Map<LocalDate, Long> second;
  static long noQuotientHousehold;

  @BeforeAll
  static void setUp() throws Exception {
    TestKeycloak.awaitReady();
    a = new BillingFixture("bill-a");
    b = new BillingFixture("bill-b");
    first = a.bookMonth(twoMonthsAgo);
    second = a.bookMonth(lastMonth);
    // 900 until the 15th, then 400 (the first value of its bracket): the price changes on the 16th.
    a.quotient(900, twoMonthsAgo.atDay(1).minusYears(1), twoMonthsAgo.atDay(15));
    a.quotient(400, twoMonthsAgo.atDay(16), null);
    List<LocalDate> days = new ArrayList<>(first.keySet());
    try (Connection c = TestDatabase.asSuperuser()) {
      FamilyMonth f = new FamilyMonth(c, a.town.id());
      f.attendance(first.get(days.get(0)), a.eldest, "PRESENT");
      f.attendance(first.get(days.get(1)), a.eldest, "ABSENT");
      f.attendance(first.get(days.get(2)), a.eldest, "ABSENT");
      f.absence(a.household, a.eldest, days.get(2), days.get(2));
      f.cancel(first.get(days.get(3)), a.eldest, "PARENT");
      f.cancel(first.get(days.get(4)), a.youngest, "PARENT");
      f.attendance(first.get(days.get(4)), a.youngest, "UNBOOKED_PRESENT");
      // A second household with no quotient at all: the top bracket.
      noQuotientHousehold = f.household("Sans Quotient", "sans-quotient@example.fr", true);
      long child = f.child(noQuotientHousehold, "Zoé", "Durand", LocalDate.of(2018, 1, 1));
      f.bookAll(child, a.canteen, first);
    }
    b.bookMonth(twoMonthsAgo);
  }

  static long lineAmount(long child, LocalDate day) throws Exception {
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement p =
            c.prepareStatement(
                "select amount_cents from billing_line where tenant_id = ? and child_id = ? and"
                    + " day = ? and reverses_line_id is null")) {
      p.setLong(1, a.town.id());
      p.setLong(2, child);
      p.setObject(3, day);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getLong(1) : -1;
      }
    }
  }

  @Test
  @Order(1)
  void twoConcurrentStartsMakeOneRunThatPricesEveryDayAsTheTownSays() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<JsonObject>> starts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      starts.add(pool.submit((Callable<JsonObject>) () -> a.startRun(twoMonthsAgo)));
    }
    long run = starts.get(0).get().getJsonNumber("id").longValue();
    assertThat(starts.get(1).get().getJsonNumber("id").longValue()).isEqualTo(run);
    pool.shutdown();
    JsonObject drafted = a.awaitRun(run, "DRAFT", 60_000);
    assertThat(drafted.getJsonObject("progress").getInt("errors")).isZero();
    assertThat(drafted.getJsonObject("progress").getInt("households")).isEqualTo(2);
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from billing_run where tenant_id = "
                      + a.town.id()
                      + " and period_start = '"
                      + twoMonthsAgo.atDay(1)
                      + "'"))
          .isEqualTo(1);
    }
    List<LocalDate> days = new ArrayList<>(first.keySet());
    LocalDate firstHalf = days.get(0);
    assertThat(firstHalf.getDayOfMonth()).isLessThanOrEqualTo(15);
    // Quotient 900 until the 15th: top bracket; present.
    assertThat(lineAmount(a.eldest, days.get(0))).isEqualTo(420);
    // Absent without a justification: charged; with one: a line at 0 %.
    assertThat(lineAmount(a.eldest, days.get(1))).isEqualTo(420);
    assertThat(lineAmount(a.eldest, days.get(2))).isZero();
    // Cancelled on time: no line at all.
    assertThat(lineAmount(a.eldest, days.get(3))).isEqualTo(-1);
    // Cancelled, yet there: 150 % + 1 € (4.20 × 1.5 + 1 = 7.30).
    assertThat(lineAmount(a.youngest, days.get(4))).isEqualTo(730);
    // From the 16th, quotient 400: the bracket [400, 800) begins with it.
    LocalDate secondHalf =
        days.stream().filter(d -> d.getDayOfMonth() >= 16).findFirst().orElseThrow();
    assertThat(lineAmount(a.eldest, secondHalf)).isEqualTo(250);
    try (Connection c = TestDatabase.asSuperuser()) {
      // No quotient at all: the top bracket on every day.
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from billing_line where tenant_id = "
                      + a.town.id()
                      + " and household_id = "
                      + noQuotientHousehold
                      + " and (amount_cents <> 420 or quotient is not null)"))
          .isZero();
      // Each invoice is the sum of its lines, to the cent.
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from billing_invoice i where i.tenant_id = "
                      + a.town.id()
                      + " and i.total_cents <> (select sum(l.amount_cents) from billing_line l"
                      + " where l.invoice_id = i.id)"))
          .isZero();
    }
    // The run's lines explain themselves.
    Http.Response invoices =
        Http.get(
            a.town.host(), "/api/v1/desk/billing/runs/" + run + "/invoices", a.finance.bearer());
    long invoiceId =
        invoices.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getJsonNumber("householdId").longValue() == a.household)
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    JsonObject detail =
        Http.get(a.town.host(), "/api/v1/desk/billing/invoices/" + invoiceId, a.finance.bearer())
            .json();
    assertThat(detail.getJsonArray("lines").getJsonObject(0).getString("explanation"))
        .contains("QF 900", "tranche 800+", "4,20");
    // The forecast of that month, by the same pricing, is the invoice.
    JsonObject forecast =
        Http.get(
                a.town.host(),
                "/api/v1/family/billing/forecast?month=" + twoMonthsAgo,
                a.parent.bearer())
            .json();
    assertThat(forecast.getJsonNumber("totalCents").longValue())
        .isEqualTo(detail.getJsonObject("invoice").getJsonNumber("totalCents").longValue());
  }

  @Test
  @Order(2)
  void issuingNumbersWithoutGapsMakesThePdfAndTellsTheFamily() throws Exception {
    long run = a.startRun(twoMonthsAgo).getJsonNumber("id").longValue();
    JsonObject issued = a.issue(run);
    assertThat(issued.getJsonObject("progress").getInt("issued")).isEqualTo(2);
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from billing_invoice where tenant_id = "
                      + a.town.id()
                      + " and number !~ '^F-[A-Z0-9]+-PERISC-\\d{4}-\\d{6}$'"))
          .isZero();
      assertThat(
              Checks.count(
                  c,
                  "select max(seq) - count(*) from billing_invoice where tenant_id = "
                      + a.town.id()
                      + " and kind = 'INVOICE'"))
          .isZero();
      // The database itself refuses to change what is issued.
      try (var s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + a.town.id() + "', false)");
        assertThat(
                org.assertj.core.api.Assertions.catchThrowable(
                    () ->
                        s.executeUpdate(
                            "update billing_invoice set total_cents = 1 where tenant_id = "
                                + a.town.id())))
            .hasMessageContaining("is issued");
      }
    }
    // Issuing again changes nothing.
    Http.Response again =
        Http.postJson(
            a.town.host(), "/api/v1/desk/billing/runs/" + run + "/issue", "", a.finance.bearer());
    assertThat(again.status()).isEqualTo(202);
    JsonObject mine = a.invoicesOfParent().get(0);
    assertThat(mine.getString("status")).isEqualTo("ISSUED");
    Http.Response pdf =
        Http.get(
            a.town.host(),
            "/api/v1/family/billing/invoices/" + mine.getJsonNumber("id") + "/pdf",
            a.parent.bearer());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/invoice.pdf"), pdf.bytes());
    // A "payment due" request in Mon compte, and the invoice's own e-mail.
    Http.Response requests = Http.get(a.town.host(), "/api/v1/requests/mine", a.parent.bearer());
    assertThat(requests.body()).contains("Facture à payer").contains("WAITING");
    assertThat(TestMail.awaitMessagesTo(a.parent.email()))
        .anyMatch(m -> m.subject().contains(mine.getString("number")));
  }

  @Test
  @Order(3)
  void aJustifiedAbsenceOfAnInvoicedDayIsCreditedAtMinusTheOriginalLine() throws Exception {
    List<LocalDate> days = new ArrayList<>(first.keySet());
    LocalDate invoiced = days.get(5);
    long original = lineAmount(a.eldest, invoiced);
    assertThat(original).isPositive();
    try (Connection c = TestDatabase.asSuperuser()) {
      new FamilyMonth(c, a.town.id()).absence(a.household, a.eldest, invoiced, invoiced);
    }
    long run = a.startRun(lastMonth).getJsonNumber("id").longValue();
    a.awaitRun(run, "DRAFT", 60_000);
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement p =
            c.prepareStatement(
                "select l.amount_cents, l.charge_case from billing_line l join billing_line o"
                    + " on o.id = l.reverses_line_id where l.tenant_id = ? and l.run_id = ?")) {
      p.setLong(1, a.town.id());
      p.setLong(2, run);
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getLong(1)).isEqualTo(-original);
        assertThat(r.getString(2)).isEqualTo("CREDIT");
        assertThat(r.next()).isFalse();
      }
    }
    // Drafting again (after a fix) credits it once, still.
    Http.Response redraft =
        Http.postJson(
            a.town.host(), "/api/v1/desk/billing/runs/" + run + "/redraft", "", a.finance.bearer());
    assertThat(redraft.status()).as(redraft.toString()).isEqualTo(202);
    a.awaitRun(run, "DRAFT", 60_000);
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from billing_line where tenant_id = "
                      + a.town.id()
                      + " and reverses_line_id is not null"))
          .isEqualTo(1);
    }
  }

  @Test
  @Order(4)
  void badInputAndRulesAreClearProblems() {
    Checks.assertProblem(
        Http.postJson(
            a.town.host(),
            "/api/v1/desk/billing/runs",
            "{\"regieId\":" + a.regie + ",\"month\":\"" + BillingFixture.month(0) + "\"}",
            a.finance.bearer()),
        409,
        "billing-period-not-over");
    Checks.assertProblem(
        Http.postJson(
            a.town.host(),
            "/api/v1/desk/billing/tariffs",
            "{\"activityId\":"
                + a.canteen
                + ",\"validFrom\":\"2030-01-01\",\"unit\":\"MEAL\",\"brackets\":"
                + "[{\"quotientMin\":100,\"resident\":true,\"unitCents\":10}]}",
            a.finance.bearer()),
        422,
        "tariff-brackets-gap");
    Http.Response bad =
        Http.postJson(
            a.town.host(),
            "/api/v1/desk/billing/runs",
            "{\"regieId\":" + a.regie + ",\"month\":\"2026-13\"}",
            a.finance.bearer());
    Checks.assertProblem(bad, 400, "invalid-request");
    assertThat(bad.body()).contains("month");
    // A parent or an agent is not a finance officer.
    assertThat(Http.get(a.town.host(), "/api/v1/desk/billing/runs", a.parent.bearer()).status())
        .isEqualTo(403);
  }

  @Test
  @Order(5)
  void townBSeesNoneOfTownAsBilling() throws Exception {
    long runOfA = a.startRun(twoMonthsAgo).getJsonNumber("id").longValue();
    JsonObject invoiceOfA = a.invoicesOfParent().get(0);
    // B's finance officer, on B's host: A's run and invoice do not exist.
    Checks.assertProblem(
        Http.get(b.town.host(), "/api/v1/desk/billing/runs/" + runOfA, b.finance.bearer()),
        404,
        "billing-run-not-found");
    Checks.assertProblem(
        Http.get(
            b.town.host(),
            "/api/v1/desk/billing/invoices/" + invoiceOfA.getJsonNumber("id"),
            b.finance.bearer()),
        404,
        "invoice-not-found");
    // B's officer on A's host: not A's staff.
    assertThat(Http.get(a.town.host(), "/api/v1/desk/billing/runs", b.finance.bearer()).status())
        .isEqualTo(403);
    // B's parent sees only B's invoices (none yet), and not A's by id.
    assertThat(b.invoicesOfParent()).isEmpty();
    assertThat(
            Http.get(
                    b.town.host(),
                    "/api/v1/family/billing/invoices/" + invoiceOfA.getJsonNumber("id"),
                    b.parent.bearer())
                .status())
        .isEqualTo(404);
    // The application role bound to B reads none of A's billing rows.
    try (Connection c = TestDatabase.asApplication()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + b.town.id() + "', true)");
        for (String table :
            List.of(
                "billing_regie",
                "billing_tariff",
                "billing_bracket",
                "billing_run",
                "billing_invoice",
                "billing_line",
                "billing_counter",
                "payment_account",
                "payment_attempt",
                "payment")) {
          assertThat(
                  Checks.count(
                      c, "select count(*) from " + table + " where tenant_id = " + a.town.id()))
              .as(table)
              .isZero();
        }
        assertThat(
                org.assertj.core.api.Assertions.catchThrowable(
                    () ->
                        s.executeUpdate(
                            "insert into billing_regie (id, tenant_id, code, name_fr,"
                                + " number_prefix, created_at) values (nextval('billing_seq'), "
                                + a.town.id()
                                + ", 'intrus', 'Intrus', 'X', now())")))
            .hasMessageContaining("row-level security");
      }
      c.rollback();
    }
  }
}
