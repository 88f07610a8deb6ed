package fr.cite.payments.billing;

import fr.cite.payments.domain.PricedLine;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a household's lines in one statement, whatever their number (arrays unnested by
 * PostgreSQL): a month of a family's days is one round trip, not one per day.
 */
final class LineWriter {

  private LineWriter() {}

  static final String INSERT =
      "insert into billing_line (id, run_id, household_id, invoice_id, child_id, activity_id,"
          + " session_id, day, charge_case, quantity, unit_cents, percent, amount_cents, quotient,"
          + " bracket, tariff_id, reverses_line_id)"
          + " select nextval('billing_row_seq'), ?, ?, ?, l.* from unnest(?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::date[], ?::varchar[], ?::int[], ?::int[], ?::int[],"
          + " ?::bigint[], ?::int[], ?::varchar[], ?::bigint[], ?::bigint[]) as l";

  static void write(
      Connection c, long runId, long householdId, long invoiceId, BillingRuns.Drafted d)
      throws SQLException {
    List<PricedLine> lines = d.lines();
    List<HouseholdPeriod.Creditable> credits = d.credits();
    List<HouseholdPeriod.Creditable> cancels = d.cancels();
    int n = lines.size() + credits.size() + cancels.size();
    Long[] child = new Long[n];
    Long[] activity = new Long[n];
    Long[] session = new Long[n];
    Date[] day = new Date[n];
    String[] kase = new String[n];
    Integer[] qty = new Integer[n];
    Integer[] unit = new Integer[n];
    Integer[] pct = new Integer[n];
    Long[] amount = new Long[n];
    Integer[] quotient = new Integer[n];
    String[] bracket = new String[n];
    Long[] tariff = new Long[n];
    Long[] reverses = new Long[n];
    int i = 0;
    for (PricedLine l : lines) {
      child[i] = l.day().childId();
      activity[i] = l.day().activityId();
      session[i] = l.day().sessionId();
      day[i] = Date.valueOf(l.day().day());
      kase[i] = l.day().chargeCase().name();
      qty[i] = l.day().quantity();
      unit[i] = l.unitCents();
      pct[i] = l.percent();
      amount[i] = l.amountCents();
      quotient[i] = l.day().quotient();
      bracket[i] = l.bracket();
      tariff[i] = l.tariffId();
      i++;
    }
    for (HouseholdPeriod.Creditable cr :
        java.util.stream.Stream.concat(credits.stream(), cancels.stream()).toList()) {
      child[i] = cr.childId();
      activity[i] = cr.activityId();
      session[i] = cr.sessionId();
      day[i] = Date.valueOf(cr.day());
      // A justified absence's credit, or a corrective run's cancelling line.
      kase[i] = i < lines.size() + credits.size() ? "CREDIT" : "CANCEL";
      qty[i] = 1;
      unit[i] = 0;
      pct[i] = 100;
      amount[i] = -cr.amountCents();
      bracket[i] = cr.invoiceNumber();
      reverses[i] = cr.lineId();
      i++;
    }
    try (PreparedStatement p = c.prepareStatement(INSERT)) {
      p.setLong(1, runId);
      p.setLong(2, householdId);
      p.setLong(3, invoiceId);
      p.setArray(4, c.createArrayOf("bigint", child));
      p.setArray(5, c.createArrayOf("bigint", activity));
      p.setArray(6, c.createArrayOf("bigint", session));
      p.setArray(7, c.createArrayOf("date", day));
      p.setArray(8, c.createArrayOf("varchar", kase));
      p.setArray(9, c.createArrayOf("int4", qty));
      p.setArray(10, c.createArrayOf("int4", unit));
      p.setArray(11, c.createArrayOf("int4", pct));
      p.setArray(12, c.createArrayOf("bigint", amount));
      p.setArray(13, c.createArrayOf("int4", quotient));
      p.setArray(14, c.createArrayOf("varchar", bracket));
      p.setArray(15, c.createArrayOf("bigint", tariff));
      p.setArray(16, c.createArrayOf("bigint", reverses));
      p.executeUpdate();
    }
  }
}
