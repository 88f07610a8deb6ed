import fr.cite.devstack.DemoSignIn;
import fr.cite.devstack.stripe.StripeSignature;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See billing-run.sh. */
public class BillingBench {

  static String base;
  static String host;
  static String token;
  /** Signs the officer in again: a run of 10,000 households outlasts an access token. */
  static java.util.concurrent.Callable<String> signIn;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    base = args[0];
    String kc = args[1];
    Path data = Path.of(args[2]);
    String jdbc = args[3];
    String pid = args[4];
    int households = Integer.parseInt(args[5]);
    int events = Integer.parseInt(args[6]);
    host = "le-havre.localhost:" + URI.create(base).getPort();
    signIn = () -> DemoSignIn.accessToken(
        kc,
        base.replace("127.0.0.1", "localhost"),
        "regisseur@cite.localhost",
        Files.readString(data.resolve("regisseur-password")).strip(),
        Files.readString(data.resolve("keycloak-portal-secret")).strip());
    token = signIn.call();
    String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Europe/Paris"))).minusMonths(1);
    System.out.printf("heap after GC, before: %s%n", heap(pid));
    try (Connection c = DriverManager.getConnection(jdbc, "cite_owner", env("CITE_DB_OWNER_PASSWORD", "cite_owner"))) {
      c.setAutoCommit(false);
      long tenant = single(c, "select id from tenant where slug = 'le-havre'");
      tenant(c, tenant);
      long t0 = System.nanoTime();
      seed(c, tag, month, households);
      c.commit();
      System.out.printf("seeded %,d households, %,d children, a month of bookings in %.1f s%n", households, 2 * households, (System.nanoTime() - t0) / 1e9);
      // The régie and its tariffs, through the API.
      String regie = id(call("POST", "/api/v1/desk/billing/regies",
          "{\"code\":\"bench-" + tag + "\",\"nameFr\":\"Régie du bench " + tag + "\",\"numberPrefix\":\"B" + tag.toUpperCase() + "\"}"));
      tenant(c, tenant);
      List<Long> activities = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from family_activity where slug like 'bench-bill-" + tag + "-%'")) {
        while (rs.next()) {
          activities.add(rs.getLong(1));
        }
      }
      c.commit();
      for (long a : activities) {
        call("PUT", "/api/v1/desk/billing/activities/" + a, "{\"regieId\":" + regie + "}");
        call("POST", "/api/v1/desk/billing/tariffs", "{\"activityId\":" + a + ",\"validFrom\":\"" + month.atDay(1)
            + "\",\"unit\":\"MEAL\",\"brackets\":[{\"quotientMin\":0,\"quotientMax\":500,\"resident\":true,\"unitCents\":101},"
            + "{\"quotientMin\":500,\"quotientMax\":1000,\"resident\":true,\"unitCents\":250},{\"quotientMin\":1000,\"resident\":true,\"unitCents\":420},"
            + "{\"quotientMin\":0,\"resident\":false,\"unitCents\":610}]}");
      }
      long t1 = System.nanoTime();
      String run = id(call("POST", "/api/v1/desk/billing/runs", "{\"regieId\":" + regie + ",\"month\":\"" + month + "\"}"));
      await(run, "DRAFT");
      double draftSeconds = (System.nanoTime() - t1) / 1e9;
      String heapDraft = heap(pid);
      tenant(c, tenant);
      long lines = single(c, "select count(*) from billing_line where run_id = " + run);
      // The same rows through raw batched JDBC inserts into the same table (its indexes, foreign
      // keys, row-level security and WAL alike), committed, then deleted: the drafts are intact.
      List<Object[]> same = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select run_id, household_id, invoice_id, child_id, activity_id, session_id, day, charge_case, quantity,"
              + " unit_cents, percent, amount_cents, quotient, bracket, tariff_id from billing_line where run_id = " + run)) {
        while (rs.next()) {
          Object[] row = new Object[15];
          for (int i = 0; i < 15; i++) {
            row[i] = rs.getObject(i + 1);
          }
          same.add(row);
        }
      }
      long before = single(c, "select coalesce(max(id), 0) from billing_line");
      c.commit();
      tenant(c, tenant);
      long t2 = System.nanoTime();
      try (PreparedStatement p = c.prepareStatement(
          "insert into billing_line (id, run_id, household_id, invoice_id, child_id, activity_id, session_id, day, charge_case,"
              + " quantity, unit_cents, percent, amount_cents, quotient, bracket, tariff_id)"
              + " values (nextval('billing_row_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int n = 0;
        for (Object[] row : same) {
          for (int i = 0; i < 15; i++) {
            p.setObject(i + 1, row[i]);
          }
          p.addBatch();
          if (++n % 1000 == 0) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      c.commit();
      double rawSeconds = (System.nanoTime() - t2) / 1e9;
      tenant(c, tenant);
      exec(c, "delete from billing_line where run_id = " + run + " and id > " + before);
      c.commit();
      double appRate = lines / draftSeconds;
      double rawRate = same.size() / rawSeconds;
      System.out.printf(
          "draft: %,d households, %,d lines in %.1f s (%,.0f lines/s, pricing and reads included); raw JDBC batches %,d rows in %.1f s (%,.0f rows/s); ratio %.2f; heap after GC %s%n",
          households, lines, draftSeconds, appRate, same.size(), rawSeconds, rawRate, appRate / rawRate, heapDraft);
      long t3 = System.nanoTime();
      call("POST", "/api/v1/desk/billing/runs/" + run + "/issue", "");
      await(run, "ISSUED");
      double issueSeconds = (System.nanoTime() - t3) / 1e9;
      tenant(c, tenant);
      long invoices = single(c, "select count(*) from billing_invoice where run_id = " + run + " and pdf is not null");
      long bytes = single(c, "select coalesce(sum(length(pdf)), 0) from billing_invoice where run_id = " + run);
      c.commit();
      System.out.printf("issue: %,d invoices numbered with their PDF in %.1f s (%,.0f PDFs/s, %,d bytes each on average); heap after GC %s%n",
          invoices, issueSeconds, invoices / issueSeconds, invoices == 0 ? 0 : bytes / invoices, heap(pid));
      // Webhooks: the régie onto the (local) Stripe, then signed events of its account.
      String link = call("POST", "/api/v1/desk/billing/regies/" + regie + "/stripe", "").body();
      Matcher m = Pattern.compile("/connect/onboarding/(acct_[a-z0-9]+)").matcher(link);
      if (!m.find()) {
        System.out.println("webhooks: no Stripe account (" + link + ")");
        return;
      }
      String account = m.group(1);
      String secret = Files.readString(data.resolve("stripe-webhook-secret")).strip();
      List<String> payloads = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        payloads.add("{\"id\":\"evt_bench_" + tag + "_" + i + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
            + Instant.now().getEpochSecond() + ",\"type\":\"payment_intent.created\",\"account\":\"" + account
            + "\",\"livemode\":false,\"pending_webhooks\":1,\"data\":{\"object\":{\"id\":\"pi_bench_" + i + "\",\"object\":\"payment_intent\",\"metadata\":{}}}}");
      }
      double webhooks = rate(payloads, p -> HttpRequest.newBuilder(URI.create(base + "/api/v1/payments/stripe/webhook"))
          .header("Host", "localhost:" + URI.create(base).getPort())
          .header("Content-Type", "application/json")
          .header("Stripe-Signature", StripeSignature.header(p, secret, Instant.now().getEpochSecond()))
          .POST(HttpRequest.BodyPublishers.ofString(p)).build());
      double file = rate(payloads, p -> HttpRequest.newBuilder(URI.create(base + "/resources/css/portal.css"))
          .header("Host", host).GET().build());
      System.out.printf("webhooks: %,d events accepted at %,.0f/s (signature checked, inbox written); the same server's static stylesheet at %,.0f/s; ratio %.2f%n",
          events, webhooks, file, webhooks / file);
      System.out.printf("heap after GC, at the end: %s%n", heap(pid));
    }
  }

  interface Build {
    HttpRequest of(String payload);
  }

  static double rate(List<String> payloads, Build build) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long t = System.nanoTime();
    List<Future<?>> all = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      all.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
          try {
            int s = http.send(build.of(payloads.get(i)), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (s != 200) {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    pool.shutdown();
    if (failed.get() > 0) {
      System.out.println("  (" + failed.get() + " requests not answered 200)");
    }
    return payloads.size() / ((System.nanoTime() - t) / 1e9);
  }

  /** Ten canteens; households with two children booked on every canteen day of the month. */
  static void seed(Connection c, String tag, YearMonth month, int households) throws Exception {
    String from = "date '" + month.atDay(1) + "'";
    String to = "date '" + month.atEndOfMonth() + "'";
    exec(c, "insert into family_activity (id, slug, kind, name_fr, site, capacity, days, weekdays, start_time, end_time, book_rule, cancel_rule, late_policy)"
        + " select nextval('family_seq'), 'bench-bill-" + tag + "-' || n, 'CANTEEN', 'Cantine du bench', 'École ' || n, 5000, 'SCHOOL_DAYS', 27, '11:30', '13:30',"
        + " 'RELATIVE 2 CALENDAR 10:00', 'RELATIVE 2 CALENDAR 10:00', 'REFUSE' from generate_series(0, 9) n");
    exec(c, "insert into family_session (id, activity_id, day, capacity) select nextval('family_seq'), a.id, d, 5000"
        + " from family_activity a, generate_series(" + from + ", " + to + ", interval '1 day') d"
        + " where a.slug like 'bench-bill-" + tag + "-%' and extract(isodow from d) in (1, 2, 4, 5)");
    exec(c, "with h as (insert into family_household (id, address, resident, created_at) select nextval('family_seq'), 'bench-bill " + tag + " ' || g, g % 10 <> 0, now() from generate_series(1, " + households + ") g returning id),"
        + " g as (insert into family_guardian (id, household_id, name, email, joined_at) select nextval('family_seq'), h.id, 'Foyer ' || h.id, 'bench-' || h.id || '@example.fr', now() from h returning household_id),"
        + " q as (insert into family_quotient (id, household_id, value, source, valid_from, status, created_at) select nextval('family_seq'), h.id, (h.id * 37) % 1600, 'CAF', " + from + " - 365, 'ACCEPTED', now() from h where h.id % 3 <> 0 returning household_id)"
        + " insert into family_child (id, household_id, first_name, last_name, birth_date, created_at) select nextval('family_seq'), h.id, 'Enfant' || n, 'Bench', date '2016-01-01' + n * 400, now() from h, generate_series(1, 2) n");
    exec(c, "insert into family_registration (id, child_id, activity_id, valid_from, valid_to, weekdays, status, created_at, decided_at, decided_by)"
        + " select nextval('family_seq'), k.id, a.id, " + from + ", " + to + ", 27, 'ACCEPTED', now(), now(), 'bench' from family_child k"
        + " join family_household h on h.id = k.household_id and h.address like 'bench-bill " + tag + " %'"
        + " join family_activity a on a.slug = 'bench-bill-" + tag + "-' || ((k.household_id / 50) % 10)");
    exec(c, "insert into family_booking (id, child_id, session_id, registration_id, status, source, updated_at)"
        + " select nextval('family_seq'), r.child_id, s.id, r.id, 'BOOKED', 'PATTERN', now() from family_registration r"
        + " join family_activity a on a.id = r.activity_id and a.slug like 'bench-bill-" + tag + "-%'"
        + " join family_session s on s.activity_id = a.id");
  }

  static HttpResponse<String> call(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Host", host)
        .header("Authorization", "Bearer " + token).timeout(java.time.Duration.ofSeconds(60));
    if (json != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 401) {
      token = signIn.call();
      return call(method, path, json);
    }
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r;
  }

  static String id(HttpResponse<String> r) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("No id in " + r.body());
    }
    return m.group(1);
  }

  static void await(String run, String status) throws Exception {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r;
      try {
        r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/desk/billing/runs/" + run)).header("Host", host)
            .header("Authorization", "Bearer " + token).timeout(java.time.Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.net.http.HttpTimeoutException e) {
        continue;
      }
      if (r.statusCode() == 401) {
        token = signIn.call();
        continue;
      }
      String body = r.body();
      if (body.contains("\"status\":\"" + status + "\"")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("run " + run + " not " + status);
  }

  static void tenant(Connection c, long tenant) throws Exception {
    exec(c, "select set_config('app.tenant_id', '" + tenant + "', true)");
  }

  static String heap(String pid) throws Exception {
    Process g = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start();
    g.getInputStream().readAllBytes();
    g.waitFor();
    Thread.sleep(1000);
    Process p = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
    String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("used (\\d+K)").matcher(info);
    return m.find() ? m.group(1) : info.strip();
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
}
