package fr.cite.devstack;

import fr.cite.platform.family.domain.ActivityDays;
import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.family.domain.SchoolZone;
import fr.cite.platform.family.domain.Weekdays;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The demo town's family space, written once into the database as the owning role under the town's
 * tenant: Le Havre's activities at two schools, a Wednesday and a holiday leisure centre and a
 * crèche, with their sessions over this school year (from the shipped calendar of zone B); a demo
 * parent's household of two children with their registrations and bookings, a validated quotient;
 * three other families waiting for a crèche place; an agent and an activity staff member of the
 * town. Runs only when the town has no activity yet.
 */
final class DemoFamily {

  /** The demo accounts the banner prints. */
  record Accounts(String parentSubject, String agentSubject, String staffSubject) {}

  record Act(
      String slug,
      String kind,
      String nameFr,
      String nameEn,
      String site,
      int capacity,
      ActivityDays days,
      Set<DayOfWeek> weekdays,
      String start,
      String end,
      String bookRule,
      String cancelRule,
      String latePolicy,
      int surcharge,
      String ageGroup,
      String procedure) {}

  static final Set<DayOfWeek> SCHOOL =
      EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
  static final Set<DayOfWeek> WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  static final List<Act> ACTIVITIES =
      List.of(
          new Act(
              "cantine-jules-ferry",
              "CANTEEN",
              "Restaurant scolaire",
              "School canteen",
              "École Jules-Ferry",
              120,
              ActivityDays.SCHOOL_DAYS,
              SCHOOL,
              "11:30",
              "13:30",
              "RELATIVE 2 CALENDAR 10:00",
              "RELATIVE 2 CALENDAR 10:00",
              "SURCHARGE",
              50,
              null,
              "restauration-scolaire"),
          new Act(
              "cantine-jean-jaures",
              "CANTEEN",
              "Restaurant scolaire",
              "School canteen",
              "École Jean-Jaurès",
              90,
              ActivityDays.SCHOOL_DAYS,
              SCHOOL,
              "11:30",
              "13:30",
              "RELATIVE 1 SCHOOL 11:00",
              "RELATIVE 1 SCHOOL 11:00",
              "REFUSE",
              0,
              null,
              "restauration-scolaire"),
          new Act(
              "periscolaire-soir-jules-ferry",
              "AFTER_SCHOOL",
              "Accueil périscolaire du soir",
              "Evening after-school care",
              "École Jules-Ferry",
              60,
              ActivityDays.SCHOOL_DAYS,
              SCHOOL,
              "16:30",
              "18:30",
              "RELATIVE 1 CALENDAR 18:00",
              "RELATIVE 1 CALENDAR 18:00",
              "AGENT_ONLY",
              0,
              null,
              "accueil-periscolaire"),
          new Act(
              "periscolaire-matin-jean-jaures",
              "AFTER_SCHOOL",
              "Accueil périscolaire du matin",
              "Morning after-school care",
              "École Jean-Jaurès",
              40,
              ActivityDays.SCHOOL_DAYS,
              SCHOOL,
              "07:30",
              "08:30",
              "RELATIVE 1 CALENDAR 18:00",
              "RELATIVE 1 CALENDAR 18:00",
              "REFUSE",
              0,
              null,
              "accueil-periscolaire"),
          new Act(
              "loisirs-mercredi",
              "LEISURE",
              "Accueil de loisirs du mercredi",
              "Wednesday leisure centre",
              "Centre de loisirs des Acacias",
              60,
              ActivityDays.WEDNESDAYS,
              EnumSet.of(DayOfWeek.WEDNESDAY),
              "08:30",
              "17:30",
              "WEEKLY TUESDAY 23:59",
              "WEEKLY TUESDAY 23:59",
              "REFUSE",
              0,
              null,
              "loisirs-jeunes"),
          new Act(
              "loisirs-vacances",
              "LEISURE",
              "Accueil de loisirs des vacances",
              "Holiday leisure centre",
              "Centre de loisirs des Acacias",
              80,
              ActivityDays.HOLIDAYS,
              WEEK,
              "08:30",
              "17:30",
              "RELATIVE 15 CALENDAR 23:59",
              "RELATIVE 15 CALENDAR 23:59",
              "REFUSE",
              0,
              null,
              "loisirs-jeunes"),
          new Act(
              "creche-les-mouettes",
              "CRECHE",
              "Multi-accueil Les Mouettes",
              "Les Mouettes crèche",
              "Quartier Saint-François",
              30,
              ActivityDays.WORKING_DAYS,
              WEEK,
              "07:30",
              "18:30",
              "RELATIVE 7 CALENDAR 12:00",
              "RELATIVE 2 CALENDAR 12:00",
              "AGENT_ONLY",
              0,
              "3 mois – 3 ans",
              "inscription-creche"),
          new Act(
              "creche-les-dockers",
              "CRECHE",
              "Crèche Les Dockers",
              "Les Dockers crèche",
              "Quartier de l'Eure",
              24,
              ActivityDays.WORKING_DAYS,
              WEEK,
              "07:30",
              "18:30",
              "RELATIVE 7 CALENDAR 12:00",
              "RELATIVE 2 CALENDAR 12:00",
              "AGENT_ONLY",
              0,
              "3 mois – 3 ans",
              "inscription-creche"));

  private DemoFamily() {}

  /** Seeds the town's family space unless it has activities; returns whether it did. */
  static boolean seed(
      String jdbcUrl, String user, String password, String townSlug, String insee, Accounts a)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      c.setAutoCommit(false);
      long tenant;
      try (PreparedStatement s = c.prepareStatement("select id from tenant where slug = ?")) {
        s.setString(1, townSlug);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
          tenant = rs.getLong(1);
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
        try (ResultSet rs = s.executeQuery("select count(*) from family_activity")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            c.rollback();
            return false;
          }
        }
      }
      SchoolCalendar cal = new SchoolCalendar(SchoolZone.ofInseeCode(insee), Set.of());
      LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
      SchoolCalendar.SchoolYear year = SchoolCalendar.currentOrNext(today).orElseThrow();
      LocalDate from = year.start();
      LocalDate to = year.end().plusWeeks(8);
      for (Act act : ACTIVITIES) {
        long id = insertActivity(c, act);
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into family_session (id, activity_id, day, capacity) values"
                    + " (nextval('family_seq'), ?, ?, ?)")) {
          for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (cal.runs(act.days(), Weekdays.of(act.weekdays()), d)) {
              s.setLong(1, id);
              s.setObject(2, d);
              s.setInt(3, act.capacity());
              s.addBatch();
            }
          }
          s.executeBatch();
        }
      }
      staff(c, a.agentSubject(), "agent@cite.localhost", "AGENT");
      staff(c, a.staffSubject(), "animateur@cite.localhost", "ACTIVITY_STAFF");

      long household = household(c, "12 rue de Paris", true);
      exec(
          c,
          "insert into family_guardian (id, household_id, subject, name, email, joined_at) values"
              + " (nextval('family_seq'), "
              + household
              + ", '"
              + a.parentSubject()
              + "', 'Camille Martin', 'parent@cite.localhost', now())");
      long lea =
          child(
              c,
              household,
              "Léa",
              "Martin",
              "2018-04-17",
              "École Jules-Ferry",
              "CE2",
              "arachide",
              true);
      long hugo =
          child(
              c,
              household,
              "Hugo",
              "Martin",
              "2021-09-02",
              "École Jules-Ferry",
              "Petite section",
              null,
              false);
      exec(
          c,
          "insert into family_quotient (id, household_id, value, source, valid_from, valid_to, status,"
              + " checked_by, checked_at, created_at) values (nextval('family_seq'), "
              + household
              + ", 850, 'CAF', '"
              + year.start()
              + "', '"
              + year.end().plusMonths(2)
              + "', 'ACCEPTED', 'agent@cite.localhost', now(), now())");
      LocalDate start = today.isAfter(year.start()) ? today.withDayOfMonth(1) : year.start();
      register(c, lea, "cantine-jules-ferry", start, year.end().minusDays(1), SCHOOL);
      register(
          c,
          lea,
          "periscolaire-soir-jules-ferry",
          start,
          year.end().minusDays(1),
          EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
      register(
          c,
          hugo,
          "loisirs-mercredi",
          start,
          year.end().minusDays(1),
          EnumSet.of(DayOfWeek.WEDNESDAY));

      // Three families waiting for a crèche place, with different situations.
      String[][] waiting = {
        {"Nina", "Leroy", "SIBLING,BOTH_WORKING", "6"},
        {"Adam", "Benali", "SINGLE_PARENT", "3"},
        {"Rose", "Durand", "", "1"}
      };
      for (String[] w : waiting) {
        long h = household(c, "Rue du Général-Leclerc", true);
        exec(
            c,
            "insert into family_guardian (id, household_id, name, email, invited_at) values"
                + " (nextval('family_seq'), "
                + h
                + ", 'Famille "
                + w[1]
                + "', 'famille."
                + w[1].toLowerCase()
                + "@example.fr', now())");
        long baby =
            child(c, h, w[0], w[1], today.minusMonths(7).toString(), null, null, null, false);
        exec(
            c,
            "insert into family_creche_application (id, household_id, child_id, wished_start, weekdays,"
                + " arrival, departure, preferences, criteria, status, applied_at) values (nextval('family_seq'), "
                + h
                + ", "
                + baby
                + ", '"
                + today.plusMonths(2).withDayOfMonth(1)
                + "', 31, '08:00', '17:30',"
                + " (select string_agg(id::text, ',' order by slug desc) from family_activity where kind = 'CRECHE'), '"
                + w[2]
                + "', 'WAITING', now() - interval '"
                + w[3]
                + " months')");
      }
      c.commit();
      return true;
    }
  }

  static long insertActivity(Connection c, Act a) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into family_activity (id, slug, kind, name_fr, name_en, site, capacity, days,"
                + " weekdays, start_time, end_time, book_rule, cancel_rule, late_policy,"
                + " surcharge_percent, absence_days, age_group, procedure_slug) values"
                + " (nextval('family_seq'), ?, ?, ?, ?, ?, ?, ?, ?, cast(? as time), cast(? as time),"
                + " ?, ?, ?, ?, 8, ?, ?) returning id")) {
      s.setString(1, a.slug());
      s.setString(2, a.kind());
      s.setString(3, a.nameFr());
      s.setString(4, a.nameEn());
      s.setString(5, a.site());
      s.setInt(6, a.capacity());
      s.setString(7, a.days().name());
      s.setInt(8, Weekdays.of(a.weekdays()));
      s.setString(9, a.start());
      s.setString(10, a.end());
      s.setString(11, a.bookRule());
      s.setString(12, a.cancelRule());
      s.setString(13, a.latePolicy());
      s.setInt(14, a.surcharge());
      s.setString(15, a.ageGroup());
      s.setString(16, a.procedure());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static void staff(Connection c, String subject, String email, String role) throws SQLException {
    if (subject == null) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into staff_member (id, tenant_id, email, role, subject, invited_by, invited_at,"
                + " accepted_at) values (nextval('staff_member_seq'), current_tenant_id(), ?, ?, ?,"
                + " 'demo', now(), now()) on conflict do nothing")) {
      s.setString(1, email);
      s.setString(2, role);
      s.setString(3, subject);
      s.executeUpdate();
    }
  }

  static long household(Connection c, String address, boolean resident) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into family_household (id, address, postcode, city, resident, created_at) values"
                + " (nextval('family_seq'), ?, '76600', 'Le Havre', ?, now()) returning id")) {
      s.setString(1, address);
      s.setBoolean(2, resident);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long child(
      Connection c,
      long household,
      String first,
      String last,
      String birth,
      String school,
      String level,
      String allergies,
      boolean pai)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into family_child (id, household_id, first_name, last_name, birth_date, school,"
                + " class_level, allergies, pai, image_rights, emergency_name, emergency_phone, pickup,"
                + " created_at) values (nextval('family_seq'), ?, ?, ?, cast(? as date), ?, ?, ?, ?,"
                + " true, 'Dominique Martin', '06 12 34 56 78',"
                + " cast('[{\"name\":\"Dominique Martin\",\"phone\":\"06 12 34 56 78\"}]' as jsonb), now())"
                + " returning id")) {
      s.setLong(1, household);
      s.setString(2, first);
      s.setString(3, last);
      s.setString(4, birth);
      s.setString(5, school);
      s.setString(6, level);
      s.setString(7, allergies);
      s.setBoolean(8, pai);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * An accepted registration and its bookings from the pattern (as an agent's acceptance makes
   * them).
   */
  static void register(
      Connection c, long child, String activity, LocalDate from, LocalDate to, Set<DayOfWeek> days)
      throws SQLException {
    long id;
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into family_registration (id, child_id, activity_id, valid_from, valid_to, weekdays,"
                + " status, agent_message, created_at, decided_at, decided_by) select nextval('family_seq'),"
                + " ?, a.id, ?, ?, ?, 'ACCEPTED', null, now(), now(), 'agent@cite.localhost' from"
                + " family_activity a where a.slug = ? returning id")) {
      s.setLong(1, child);
      s.setObject(2, from);
      s.setObject(3, to);
      s.setInt(4, Weekdays.of(days));
      s.setString(5, activity);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    exec(
        c,
        "with made as (insert into family_booking (id, child_id, session_id, registration_id, status,"
            + " late, source, updated_at, updated_by) select nextval('family_seq'), r.child_id, s.id, r.id, 'BOOKED',"
            + " false, 'PATTERN', now(), 'agent@cite.localhost' from family_registration r join family_session s"
            + " on s.activity_id = r.activity_id and s.day between r.valid_from and r.valid_to where r.id = "
            + id
            + " and (r.weekdays & (1 << (extract(isodow from s.day)::int - 1))) <> 0 returning session_id)"
            + " update family_session s set booked = s.booked + 1 from made where made.session_id = s.id");
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
