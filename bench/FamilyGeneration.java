import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench of the family space's booking generation on a running platform (./run.sh, demo data):
 * a school year of bookings (Mon/Tue/Thu/Fri, ~140 days) for 2 children per household, made by the
 * application (POST /api/v1/desk/family/bookings/generate as the demo agent: chunks of
 * registrations, one INSERT ... SELECT each) against raw batched JDBC inserts of the same rows, in
 * the same run; and WildFly's heap after a full GC for 1,000 and for 10,000 households.
 * Run by bench/family-generation.sh.
 */
public class FamilyGeneration {

  static String base;
  static String kc;
  static Path data;
  static HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public static void main(String[] args) throws Exception {
    base = args[0];
    kc = args[1];
    data = Path.of(args[2]);
    String jdbc = args[3];
    String pid = args[4];
    int[] sizes = {Integer.parseInt(args[5]), Integer.parseInt(args[6])};
    String token = agentToken();
    try (Connection c = DriverManager.getConnection(jdbc, "cite_owner", env("CITE_DB_OWNER_PASSWORD", "cite_owner"))) {
      c.setAutoCommit(false);
      long tenant = single(c, "select id from tenant where slug = 'le-havre'");
      System.out.printf("heap after GC, before: %s%n", heap(pid));
      for (int households : sizes) {
        tenant(c, tenant);
        clean(c);
        seed(c, households);
        c.commit();
        long t0 = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/desk/family/bookings/generate"))
                    .header("Host", "le-havre.localhost:" + URI.create(base).getPort())
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"" + java.time.LocalDate.now().plusDays(1) + "\",\"to\":\""
                            + java.time.LocalDate.now().plusDays(250) + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double appSeconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200) {
          throw new IllegalStateException("generate: " + r.statusCode() + " " + r.body());
        }
        tenant(c, tenant);
        long rows = single(c, "select count(*) from family_booking b join family_registration r on r.id = b.registration_id join family_activity a on a.id = r.activity_id where a.slug like 'bench-cantine-%'");
        String heapAfter = heap(pid);
        // The same rows through raw batched JDBC inserts.
        List<long[]> same = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select b.child_id, b.session_id, b.registration_id from family_booking b join family_session s on s.id = b.session_id join family_activity a on a.id = s.activity_id where a.slug like 'bench-cantine-%'")) {
          while (rs.next()) {
            same.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
          }
        }
        exec(c, "delete from family_booking b using family_session s, family_activity a where s.id = b.session_id and a.id = s.activity_id and a.slug like 'bench-cantine-%'");
        exec(c, "update family_session s set booked = 0 from family_activity a where a.id = s.activity_id and a.slug like 'bench-cantine-%'");
        c.commit();
        tenant(c, tenant);
        long t1 = System.nanoTime();
        try (PreparedStatement p = c.prepareStatement(
            "insert into family_booking (id, child_id, session_id, registration_id, status, late, source, updated_at, updated_by)"
                + " values (nextval('family_seq'), ?, ?, ?, 'BOOKED', false, 'PATTERN', now(), 'bench')")) {
          int n = 0;
          for (long[] row : same) {
            p.setLong(1, row[0]);
            p.setLong(2, row[1]);
            p.setLong(3, row[2]);
            p.addBatch();
            if (++n % 1000 == 0) {
              p.executeBatch();
            }
          }
          p.executeBatch();
        }
        c.commit();
        double rawSeconds = (System.nanoTime() - t1) / 1e9;
        double appRate = rows / appSeconds;
        double rawRate = same.size() / rawSeconds;
        System.out.printf(
            "%,d households, %,d children: application %,d bookings in %.1f s (%,.0f rows/s); raw JDBC batches %,d rows in %.1f s (%,.0f rows/s); ratio %.2f; heap after GC %s%n",
            households, households * 2, rows, appSeconds, appRate, same.size(), rawSeconds, rawRate, appRate / rawRate, heapAfter);
      }
      tenant(c, tenant);
      clean(c);
      c.commit();
      System.out.printf("heap after GC, at the end: %s%n", heap(pid));
    }
  }

  /** Ten schools' canteens (5,000 seats a day each), households with two children spread over them. */
  static void seed(Connection c, int households) throws Exception {
    exec(c, "insert into family_activity (id, slug, kind, name_fr, site, capacity, days, weekdays, start_time, end_time, book_rule, cancel_rule, late_policy)"
        + " select nextval('family_seq'), 'bench-cantine-' || n, 'CANTEEN', 'Cantine du bench', 'École ' || n, 5000, 'SCHOOL_DAYS', 27, '11:30', '13:30',"
        + " 'RELATIVE 2 CALENDAR 10:00', 'RELATIVE 2 CALENDAR 10:00', 'REFUSE' from generate_series(0, 9) n");
    exec(c, "insert into family_session (id, activity_id, day, capacity) select nextval('family_seq'), a.id, d, 5000"
        + " from family_activity a, generate_series(current_date + 1, current_date + 250, interval '1 day') d"
        + " where a.slug like 'bench-cantine-%' and extract(isodow from d) in (1, 2, 4, 5)");
    exec(c, "with h as (insert into family_household (id, address, resident, created_at) select nextval('family_seq'), 'bench ' || g, true, now() from generate_series(1, " + households + ") g returning id),"
        + " k as (insert into family_child (id, household_id, first_name, last_name, birth_date, created_at) select nextval('family_seq'), h.id, 'Bench' || n, 'Bench', date '2017-01-01', now() from h, generate_series(1, 2) n returning id)"
        + " insert into family_registration (id, child_id, activity_id, valid_from, valid_to, weekdays, status, created_at, decided_at, decided_by)"
        + " select nextval('family_seq'), k.id, a.id, current_date + 1, current_date + 250, 27, 'ACCEPTED', now(), now(), 'bench' from k"
        + " join family_activity a on a.slug = 'bench-cantine-' || ((k.id / 50) % 10)");
  }

  static void clean(Connection c) throws Exception {
    exec(c, "delete from family_booking b using family_registration r, family_activity a where r.id = b.registration_id and a.id = r.activity_id and a.slug like 'bench-cantine-%'");
    exec(c, "delete from family_household h where h.address like 'bench %'");
    exec(c, "delete from family_registration r using family_activity a where a.id = r.activity_id and a.slug like 'bench-cantine-%'");
    exec(c, "delete from family_activity where slug like 'bench-cantine-%'");
  }

  static void tenant(Connection c, long tenant) throws Exception {
    exec(c, "select set_config('app.tenant_id', '" + tenant + "', true)");
  }

  static String heap(String pid) throws Exception {
    run("jcmd", pid, "GC.run");
    Thread.sleep(1000);
    String info = run("jcmd", pid, "GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+K)").matcher(info);
    return m.find() ? m.group(1) : info.strip();
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  static long single(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void exec(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** The demo agent's access token: the authorization code flow with PKCE, as a browser would. */
  static String agentToken() throws Exception {
    return fr.cite.devstack.DemoSignIn.accessToken(
        kc,
        base.replace("127.0.0.1", "localhost"),
        "agent@cite.localhost",
        Files.readString(data.resolve("agent-password")).strip(),
        Files.readString(data.resolve("keycloak-portal-secret")).strip());
  }
}
