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
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A corrective run: a month already issued is priced again from today's data (here a quotient the
 * CAF's certificate proved late, valid from the month's first day); each line that changed is
 * cancelled (minus the original, reversing it) and replaced, on a corrective credit note numbered
 * in its series; a second correction with nothing changed gives no document; nothing issued is
 * touched; town B cannot correct A's régie.
 */
class CorrectiveRunIT extends CiteIntegrationTest {

  static BillingFixture a;
  static BillingFixture b;

  @BeforeAll
  static void setUp() throws Exception {
    TestKeycloak.awaitReady();
    a = new BillingFixture("corr-a");
    b = new BillingFixture("corr-b");
  }

  static Http.Response correct(BillingFixture f, long regie, YearMonth m) {
    return Http.postJson(
        f.town.host(),
        "/api/v1/desk/billing/runs",
        "{\"regieId\":" + regie + ",\"month\":\"" + m + "\",\"corrective\":true}",
        f.finance.bearer());
  }

  @Test
  void aQuotientProvedLateCorrectsAnIssuedMonthLineByLine() throws Exception {
    YearMonth m = BillingFixture.month(-1);
    int days = FamilyMonth.canteenDays(m).size();
    a.bookMonth(m);
    // Not issued yet: nothing to correct.
    Checks.assertProblem(correct(a, a.regie, m), 409, "billing-correction-needs-issued");
    long run = a.startRun(m).getJsonNumber("id").longValue();
    a.awaitRun(run, "DRAFT", 60_000);
    a.issue(run);
    // No quotient then: the top bracket, 4.20 € a meal for both children.
    JsonObject first = a.invoicesOfParent().get(0);
    assertThat(first.getInt("totalCents")).isEqualTo(days * 2 * 420);
    String firstNumber = first.getString("number");

    // The certificate arrives: a quotient of 500 from the month's first day (2.50 € a meal).
    a.quotient(500, m.atDay(1), null);
    Http.Response started = correct(a, a.regie, m);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    long correction = started.json().getJsonNumber("id").longValue();
    assertThat(started.json().getString("kind")).isEqualTo("CORRECTIVE");
    // Two clicks: one corrective run open at a time.
    assertThat(correct(a, a.regie, m).json().getJsonNumber("id").longValue()).isEqualTo(correction);
    a.awaitRun(correction, "DRAFT", 60_000);
    a.issue(correction);

    List<JsonObject> invoices = a.invoicesOfParent();
    JsonObject credit =
        invoices.stream()
            .filter(i -> i.getString("kind").equals("CREDIT_NOTE"))
            .findFirst()
            .orElseThrow();
    assertThat(credit.getInt("totalCents")).isEqualTo(days * 2 * (420 - 250));
    assertThat(credit.getString("number")).matches("A-[A-Z0-9-]+-\\d{4}-000001");
    String lines =
        Http.get(
                a.town.host(),
                "/api/v1/family/billing/invoices/" + credit.getJsonNumber("id"),
                a.parent.bearer())
            .json()
            .getJsonArray("lines")
            .toString();
    assertThat(lines)
        .contains("Rectification : annule la ligne facturée sur " + firstNumber)
        .contains("QF 500");
    try (Connection c = TestDatabase.asSuperuser()) {
      // Each original line is reversed exactly once, by a cancelling line of the same amount.
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from billing_line l join billing_line o on o.id = l.reverses_line_id"
                      + " where l.run_id = "
                      + correction
                      + " and l.charge_case = 'CANCEL' and l.amount_cents = -o.amount_cents"
                      + " and o.run_id = "
                      + run))
          .isEqualTo(days * 2L);
      // The first invoice is as it was issued.
      assertThat(
              Checks.count(
                  c,
                  "select total_cents from billing_invoice where number = '" + firstNumber + "'"))
          .isEqualTo(days * 2L * 420);
    }

    // Nothing changed since: a second correction issues no document.
    long again = correct(a, a.regie, m).json().getJsonNumber("id").longValue();
    assertThat(again).isNotEqualTo(correction);
    JsonObject drafted = a.awaitRun(again, "DRAFT", 60_000);
    assertThat(drafted.getJsonObject("progress").getInt("toIssue")).isZero();
    a.issue(again);
    assertThat(a.invoicesOfParent()).hasSize(invoices.size());

    // Town B cannot correct A's régie.
    Checks.assertProblem(correct(b, a.regie, m), 404, "regie-not-found");
  }
}
