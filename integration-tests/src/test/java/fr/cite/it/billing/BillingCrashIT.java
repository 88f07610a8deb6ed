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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A billing run of 400 households with PostgreSQL killed (SIGKILL, as a crash) while it drafts and
 * again while it issues, then started again: the run resumes by itself where it stopped, and ends
 * with exactly one invoice per household, numbered 1..n without a gap or a duplicate.
 */
class BillingCrashIT extends CiteIntegrationTest {

  static final int HOUSEHOLDS = 400;

  @AfterEach
  void databaseIsBack() throws Exception {
    if (!TestDatabase.isRunning()) {
      TestDatabase.start();
    }
  }

  static int progress(BillingFixture f, long run, String field) {
    Http.Response r =
        Http.get(f.town.host(), "/api/v1/desk/billing/runs/" + run, f.finance.bearer());
    return r.status() == 200 ? r.json().getJsonObject("progress").getInt(field) : -1;
  }

  static void killWhen(BillingFixture f, long run, String field, int atLeast) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (progress(f, run, field) < atLeast && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    TestDatabase.kill();
    System.out.println("[billing crash] PostgreSQL killed at " + field + " ≥ " + atLeast);
    Thread.sleep(2_000);
    TestDatabase.start();
  }

  @Test
  void aRunKilledTwiceResumesWithoutDuplicateNorMissingInvoiceNorGap() throws Exception {
    TestKeycloak.awaitReady();
    BillingFixture f = new BillingFixture("crash");
    YearMonth month = BillingFixture.month(-1);
    try (Connection c = TestDatabase.asSuperuser()) {
      FamilyMonth m = new FamilyMonth(c, f.town.id());
      Map<LocalDate, Long> sessions = m.sessions(f.canteen, FamilyMonth.canteenDays(month));
      for (int i = 0; i < HOUSEHOLDS; i++) {
        long h = m.household("Foyer " + i, "foyer-" + i + "@example.fr", i % 7 != 0);
        if (i % 3 == 0) {
          m.quotient(h, 200 + (i * 37) % 1500, month.atDay(1).minusYears(1), null);
        }
        m.bookAll(
            m.child(h, "Enfant", "N" + i, LocalDate.of(2016 + i % 6, 1 + i % 12, 1)),
            f.canteen,
            sessions);
      }
    }
    long run = f.startRun(month).getJsonNumber("id").longValue();
    killWhen(f, run, "done", 60);
    JsonObject drafted = f.awaitRun(run, "DRAFT", 180_000);
    assertThat(drafted.getJsonObject("progress").getInt("households")).isEqualTo(HOUSEHOLDS);
    assertThat(drafted.getJsonObject("progress").getInt("errors")).isZero();
    Http.Response issue =
        Http.postJson(
            f.town.host(), "/api/v1/desk/billing/runs/" + run + "/issue", "", f.finance.bearer());
    assertThat(issue.status()).as(issue.toString()).isEqualTo(202);
    killWhen(f, run, "issued", 80);
    f.awaitRun(run, "ISSUED", 180_000);
    try (Connection c = TestDatabase.asSuperuser()) {
      String town = " where tenant_id = " + f.town.id();
      assertThat(Checks.count(c, "select count(*) from billing_invoice" + town))
          .isEqualTo(HOUSEHOLDS);
      assertThat(Checks.count(c, "select count(distinct household_id) from billing_invoice" + town))
          .isEqualTo(HOUSEHOLDS);
      assertThat(
              Checks.count(
                  c, "select count(*) from billing_invoice" + town + " and status = 'DRAFT'"))
          .isZero();
      assertThat(Checks.count(c, "select max(seq) from billing_invoice" + town))
          .isEqualTo(HOUSEHOLDS);
      assertThat(Checks.count(c, "select count(distinct seq) from billing_invoice" + town))
          .isEqualTo(HOUSEHOLDS);
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from billing_invoice i"
                      + town
                      + " and (i.pdf is null or i.total_cents <> (select sum(amount_cents) from"
                      + " billing_line l where l.invoice_id = i.id))"))
          .isZero();
      assertThat(
              Checks.count(
                  c, "select last_value from billing_counter" + town + " and kind = 'INVOICE'"))
          .isEqualTo(HOUSEHOLDS);
      assertThat(Checks.count(c, "select count(*) from billing_active_run where run_id = " + run))
          .isZero();
    }
  }
}
