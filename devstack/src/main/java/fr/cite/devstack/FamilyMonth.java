package fr.cite.devstack;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a past month of a town's family space straight into the database, as it would stand after
 * the month was lived: an activity's sessions, children registered with their bookings, the
 * register taken, absences and quotients accepted. A past month cannot be booked through the API
 * (its cut-offs are gone); billing runs, their tests, the bench and the demo price such a month.
 * Every statement runs under the town's {@code app.tenant_id}; every read names the town too, since
 * a superuser's connection bypasses row-level security.
 */
public final class FamilyMonth {

  private final Connection c;

  /** Binds the connection to the town for the rest of its transaction (or session). */
  public FamilyMonth(Connection c, long tenantId) throws SQLException {
    this.c = c;
    try (Statement s = c.createStatement()) {
      s.execute("select set_config('app.tenant_id', '" + tenantId + "', false)");
    }
  }

  /** Monday, Tuesday, Thursday and Friday of the month: the canteen's days (holidays aside). */
  public static List<LocalDate> canteenDays(YearMonth month) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      DayOfWeek w = d.getDayOfWeek();
      if (w != DayOfWeek.WEDNESDAY && w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
        days.add(d);
      }
    }
    return days;
  }

  /** A canteen activity (or the one of that slug already there). */
  public long canteen(String slug, String name) throws SQLException {
    return activity(slug, "CANTEEN", name, "École Jules-Ferry", "11:30", "13:30");
  }

  /** A crèche open on school days from {@code start} to {@code end} (or the one there). */
  public long creche(String slug, String name, String start, String end) throws SQLException {
    return activity(slug, "CRECHE", name, "Crèche des Lilas", start, end);
  }

  private long activity(
      String slug, String kind, String name, String site, String start, String end)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "select id from family_activity where slug = ? and tenant_id = current_tenant_id()")) {
      p.setString(1, slug);
      try (ResultSet r = p.executeQuery()) {
        if (r.next()) {
          return r.getLong(1);
        }
      }
    }
    return insertReturningId(
        "insert into family_activity (id, slug, kind, name_fr, name_en, site, capacity, days,"
            + " weekdays, start_time, end_time, book_rule, cancel_rule, late_policy)"
            + " values (nextval('family_seq'), ?, ?, ?, ?, ?, 5000,"
            + " 'SCHOOL_DAYS', 27, cast(? as time), cast(? as time), 'RELATIVE 2 CALENDAR 10:00',"
            + " 'RELATIVE 2 CALENDAR 10:00', 'REFUSE') returning id",
        slug,
        kind,
        name,
        name,
        site,
        start,
        end);
  }

  /** The activity's sessions on these days (made if missing): day → session id. */
  public Map<LocalDate, Long> sessions(long activity, List<LocalDate> days) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into family_session (id, activity_id, day, capacity) select"
                + " nextval('family_seq'), ?, d, 5000 from unnest(?::date[]) d"
                + " on conflict (tenant_id, activity_id, day) do nothing")) {
      p.setLong(1, activity);
      p.setArray(2, c.createArrayOf("date", days.stream().map(Date::valueOf).toArray()));
      p.executeUpdate();
    }
    Map<LocalDate, Long> out = new LinkedHashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select day, id from family_session where activity_id = ? and day = any(?::date[])"
                + " and tenant_id = current_tenant_id() order by day")) {
      p.setLong(1, activity);
      p.setArray(2, c.createArrayOf("date", days.stream().map(Date::valueOf).toArray()));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.put(r.getDate(1).toLocalDate(), r.getLong(2));
        }
      }
    }
    return out;
  }

  /** The activity's sessions already there in the month (school days only): day → session id. */
  public Map<LocalDate, Long> existingSessions(long activity, YearMonth month) throws SQLException {
    Map<LocalDate, Long> out = new LinkedHashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select day, id from family_session where activity_id = ? and day between ? and ?"
                + " and closed_reason is null and tenant_id = current_tenant_id() order by day")) {
      p.setLong(1, activity);
      p.setDate(2, Date.valueOf(month.atDay(1)));
      p.setDate(3, Date.valueOf(month.atEndOfMonth()));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.put(r.getDate(1).toLocalDate(), r.getLong(2));
        }
      }
    }
    return out;
  }

  /** The id of the activity of that slug, if the town has it. */
  public java.util.Optional<Long> activity(String slug) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "select id from family_activity where slug = ? and tenant_id = current_tenant_id()")) {
      p.setString(1, slug);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? java.util.Optional.of(r.getLong(1)) : java.util.Optional.empty();
      }
    }
  }

  /** A household (resident or not) with one guardian; its id. */
  public long household(String guardian, String email, boolean resident) throws SQLException {
    long h =
        insertReturningId(
            "insert into family_household (id, address, postcode, city, resident, created_at)"
                + " values (nextval('family_seq'), '1 rue de la Mairie', '76600', 'Le Havre', ?,"
                + " now()) returning id",
            resident);
    insertReturningId(
        "insert into family_guardian (id, household_id, name, email, joined_at) values"
            + " (nextval('family_seq'), ?, ?, ?, now()) returning id",
        h,
        guardian,
        email);
    return h;
  }

  public long child(long household, String first, String last, LocalDate birth)
      throws SQLException {
    return insertReturningId(
        "insert into family_child (id, household_id, first_name, last_name, birth_date,"
            + " created_at) values (nextval('family_seq'), ?, ?, ?, ?, now()) returning id",
        household,
        first,
        last,
        birth);
  }

  /** An accepted registration of the child with a booking for each of these sessions. */
  public long bookAll(long child, long activity, Map<LocalDate, Long> sessions)
      throws SQLException {
    LocalDate from = sessions.keySet().stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate to = sessions.keySet().stream().max(LocalDate::compareTo).orElseThrow();
    long registration =
        insertReturningId(
            "insert into family_registration (id, child_id, activity_id, valid_from, valid_to,"
                + " weekdays, status, created_at, decided_at) values (nextval('family_seq'), ?, ?,"
                + " ?, ?, 27, 'ACCEPTED', now(), now()) returning id",
            child,
            activity,
            from,
            to);
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into family_booking (id, child_id, session_id, registration_id, status,"
                + " source, updated_at) select nextval('family_seq'), ?, s, ?, 'BOOKED', 'PATTERN',"
                + " now() from unnest(?::bigint[]) s")) {
      p.setLong(1, child);
      p.setLong(2, registration);
      p.setArray(3, c.createArrayOf("bigint", sessions.values().toArray()));
      p.executeUpdate();
    }
    return registration;
  }

  /** The register of the session for the child: PRESENT, ABSENT or UNBOOKED_PRESENT. */
  public void attendance(long session, long child, String status) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into family_attendance (id, session_id, child_id, status, checked_by,"
                + " checked_at) values (nextval('family_seq'), ?, ?, ?, 'animateur', now())"
                + " on conflict (tenant_id, session_id, child_id) do update set status ="
                + " excluded.status")) {
      p.setLong(1, session);
      p.setLong(2, child);
      p.setString(3, status);
      p.executeUpdate();
    }
  }

  /** A cancelled booking (by the parent on time, for a closure, or for a justified absence). */
  public void cancel(long session, long child, String reason) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "update family_booking set status = 'CANCELLED', cancel_reason = ? where session_id = ?"
                + " and child_id = ? and tenant_id = current_tenant_id()")) {
      p.setString(1, reason);
      p.setLong(2, session);
      p.setLong(3, child);
      p.executeUpdate();
    }
  }

  /** An accepted family quotient of the household on [from, to] (to null: open-ended). */
  public void quotient(long household, int value, LocalDate from, LocalDate to)
      throws SQLException {
    insertReturningId(
        "insert into family_quotient (id, household_id, value, source, valid_from, valid_to,"
            + " status, checked_by, checked_at, created_at) values (nextval('family_seq'), ?, ?,"
            + " 'CAF', ?, ?, 'ACCEPTED', 'agent', now(), now()) returning id",
        household,
        value,
        from,
        to);
  }

  /** An absence of the child accepted by an agent, with its medical certificate. */
  public void absence(long household, long child, LocalDate first, LocalDate last)
      throws SQLException {
    long doc =
        insertReturningId(
            "insert into family_document (id, household_id, child_id, kind, file_name,"
                + " content_type, size_bytes, sha256, content, status, created_at) values"
                + " (nextval('family_seq'), ?, ?, 'MEDICAL_CERTIFICATE', 'certificat.pdf',"
                + " 'application/pdf', 9, repeat('0', 64), '%PDF-1.4\n'::bytea, 'ACCEPTED', now())"
                + " returning id",
            household, child);
    insertReturningId(
        "insert into family_absence (id, child_id, first_day, last_day, document_id, status,"
            + " created_at, decided_at, decided_by) values (nextval('family_seq'), ?, ?, ?, ?,"
            + " 'ACCEPTED', now(), now(), 'agent') returning id",
        child,
        first,
        last,
        doc);
  }

  private long insertReturningId(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        if (a instanceof LocalDate d) {
          p.setDate(i + 1, Date.valueOf(d));
        } else if (a instanceof Instant t) {
          p.setTimestamp(i + 1, java.sql.Timestamp.from(t));
        } else {
          p.setObject(i + 1, a);
        }
      }
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
