package fr.cite.payments.billing;

import fr.cite.payments.billing.HouseholdPeriod.Creditable;
import fr.cite.payments.billing.HouseholdPeriod.Payer;
import fr.cite.payments.domain.BillableDays;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link HouseholdPeriod}s of a chunk of households with seven queries whatever the
 * chunk's size, on the caller's connection (row-level security applies: the town bound to the
 * transaction only).
 */
final class PeriodReader {

  private PeriodReader() {}

  static final String DAYS =
      "select b.child_id, s.activity_id, s.id, s.day, b.status, b.cancel_reason, b.late,"
          + " a.status, c.household_id, fa.start_time, fa.end_time"
          + " from family_booking b"
          + " join family_session s on s.tenant_id = b.tenant_id and s.id = b.session_id"
          + " join family_activity fa on fa.tenant_id = s.tenant_id and fa.id = s.activity_id"
          + " join billing_activity ba on ba.tenant_id = s.tenant_id"
          + "  and ba.activity_id = s.activity_id and ba.regie_id = ?"
          + " join family_child c on c.tenant_id = b.tenant_id and c.id = b.child_id"
          + " left join family_attendance a on a.tenant_id = b.tenant_id"
          + "  and a.session_id = b.session_id and a.child_id = b.child_id"
          + " where s.day between ? and ? and b.status <> 'WAITLIST'"
          + "  and c.household_id = any(?)"
          + " union all "
          + "select a.child_id, s.activity_id, s.id, s.day, null, null, false, a.status,"
          + " c.household_id, fa.start_time, fa.end_time"
          + " from family_attendance a"
          + " join family_session s on s.tenant_id = a.tenant_id and s.id = a.session_id"
          + " join family_activity fa on fa.tenant_id = s.tenant_id and fa.id = s.activity_id"
          + " join billing_activity ba on ba.tenant_id = s.tenant_id"
          + "  and ba.activity_id = s.activity_id and ba.regie_id = ?"
          + " join family_child c on c.tenant_id = a.tenant_id and c.id = a.child_id"
          + " where s.day between ? and ? and c.household_id = any(?)"
          + "  and not exists (select 1 from family_booking b where b.tenant_id = a.tenant_id"
          + "   and b.session_id = a.session_id and b.child_id = a.child_id"
          + "   and b.status <> 'WAITLIST')";

  /**
   * @param runId the run being drafted: its own earlier credit lines (replaced when a household is
   *     priced again) do not count as already credited; -1 for a forecast
   */
  static List<HouseholdPeriod> read(
      Connection c, long regieId, LocalDate from, LocalDate to, List<Long> households, long runId)
      throws SQLException {
    Array ids = c.createArrayOf("bigint", households.toArray());
    Map<Long, List<BillableDays.Child>> children = new LinkedHashMap<>();
    Map<Long, List<BillableDays.Day>> days = new LinkedHashMap<>();
    Map<Long, List<BillableDays.Absence>> absences = new LinkedHashMap<>();
    Map<Long, List<BillableDays.Quotient>> quotients = new LinkedHashMap<>();
    Map<Long, List<Creditable>> credits = new LinkedHashMap<>();
    Map<Long, Boolean> resident = new LinkedHashMap<>();
    Map<Long, Payer> payers = new LinkedHashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select h.id, h.resident, h.address, h.postcode, h.city,"
                + " (select g.name from family_guardian g where g.tenant_id = h.tenant_id"
                + "   and g.household_id = h.id order by g.joined_at nulls last, g.id limit 1),"
                + " (select g.email from family_guardian g where g.tenant_id = h.tenant_id"
                + "   and g.household_id = h.id order by g.joined_at nulls last, g.id limit 1)"
                + " from family_household h where h.id = any(?)")) {
      p.setArray(1, ids);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          resident.put(r.getLong(1), r.getBoolean(2));
          payers.put(
              r.getLong(1),
              new Payer(
                  r.getString(6), r.getString(7), r.getString(3), r.getString(4), r.getString(5)));
        }
      }
    }
    collect(
        c,
        "select household_id, id, birth_date from family_child where household_id = any(?)",
        ids,
        children,
        r -> new BillableDays.Child(r.getLong(2), r.getDate(3).toLocalDate()));
    try (PreparedStatement p = c.prepareStatement(DAYS)) {
      for (int base : new int[] {0, 4}) {
        p.setLong(base + 1, regieId);
        p.setDate(base + 2, Date.valueOf(from));
        p.setDate(base + 3, Date.valueOf(to));
        p.setArray(base + 4, ids);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          days.computeIfAbsent(r.getLong(9), k -> new ArrayList<>()).add(day(r));
        }
      }
    }
    collect(
        c,
        "select c.household_id, a.child_id, a.first_day, a.last_day from family_absence a"
            + " join family_child c on c.tenant_id = a.tenant_id and c.id = a.child_id"
            + " where a.status = 'ACCEPTED' and c.household_id = any(?)",
        ids,
        absences,
        r ->
            new BillableDays.Absence(
                r.getLong(2), r.getDate(3).toLocalDate(), r.getDate(4).toLocalDate()));
    collect(
        c,
        "select household_id, value, valid_from, valid_to, monthly_resources_cents"
            + " from family_quotient"
            + " where status = 'ACCEPTED' and household_id = any(?)",
        ids,
        quotients,
        r ->
            new BillableDays.Quotient(
                r.getInt(2),
                r.getDate(3).toLocalDate(),
                r.getDate(4) == null ? null : r.getDate(4).toLocalDate(),
                (Integer) r.getObject(5)));
    try (PreparedStatement p =
        c.prepareStatement(
            "select l.household_id, l.id, l.child_id, l.activity_id, l.session_id, l.day,"
                + " l.amount_cents, i.number from billing_line l"
                + " join billing_invoice i on i.tenant_id = l.tenant_id and i.id = l.invoice_id"
                + " where i.status <> 'DRAFT' and i.regie_id = ? and l.household_id = any(?)"
                + " and l.charge_case in ('BOOKED', 'ABSENT_UNJUSTIFIED') and l.amount_cents > 0"
                + " and exists (select 1 from family_absence a where a.tenant_id = l.tenant_id"
                + "  and a.child_id = l.child_id and a.status = 'ACCEPTED'"
                + "  and l.day between a.first_day and a.last_day)"
                + " and not exists (select 1 from billing_line r where r.tenant_id = l.tenant_id"
                + "  and r.reverses_line_id = l.id and r.run_id <> ?)"
                + " order by l.id")) {
      p.setLong(1, regieId);
      p.setArray(2, ids);
      p.setLong(3, runId);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          credits
              .computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
              .add(
                  new Creditable(
                      r.getLong(2),
                      r.getLong(3),
                      r.getLong(4),
                      r.getLong(5),
                      r.getDate(6).toLocalDate(),
                      r.getLong(7),
                      r.getString(8)));
        }
      }
    }
    List<HouseholdPeriod> out = new ArrayList<>();
    for (long h : households) {
      if (!resident.containsKey(h)) {
        continue;
      }
      out.add(
          new HouseholdPeriod(
              h,
              resident.get(h),
              payers.get(h),
              children.getOrDefault(h, List.of()),
              days.getOrDefault(h, List.of()),
              absences.getOrDefault(h, List.of()),
              quotients.getOrDefault(h, List.of()),
              credits.getOrDefault(h, List.of())));
    }
    return out;
  }

  private static BillableDays.Day day(ResultSet r) throws SQLException {
    String booking = r.getString(5);
    String reason = r.getString(6);
    BillableDays.Booking b =
        booking == null
            ? BillableDays.Booking.NONE
            : "BOOKED".equals(booking)
                ? BillableDays.Booking.BOOKED
                : "ABSENCE".equals(reason)
                    ? BillableDays.Booking.CANCELLED_FOR_ABSENCE
                    : BillableDays.Booking.CANCELLED;
    String att = r.getString(8);
    BillableDays.Attendance a =
        att == null ? BillableDays.Attendance.NOT_TAKEN : BillableDays.Attendance.valueOf(att);
    return new BillableDays.Day(
        r.getLong(1),
        r.getLong(2),
        r.getLong(3),
        r.getDate(4).toLocalDate(),
        b,
        r.getBoolean(7),
        a,
        (int)
            java.time.Duration.between(r.getTime(10).toLocalTime(), r.getTime(11).toLocalTime())
                .toMinutes());
  }

  interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  private static <T> void collect(
      Connection c, String sql, Array ids, Map<Long, List<T>> into, Row<T> row)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setArray(1, ids);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          into.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(row.map(r));
        }
      }
    }
  }
}
