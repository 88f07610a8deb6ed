import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The incident map and the nearby duplicates with many reports (see incident-map.sh). Reports are
 * written straight into the database (with their requests) in the demo town, first 1,000, then up
 * to the target; at each size: the map's bbox API at a city-wide (zoom 13) and a street (zoom 17)
 * view, in requests per second through HTTP against the same SQL run by pgbench as the application
 * role on the same database (ratio printed, with p50), the nearby-duplicates call's p50, and the
 * payload of the map page (the page, its scripts and styles, the outline, the map's JSON). The
 * city-wide view is served from the map's cells cache (30 s, one computation for all callers), so
 * its ratio says what visitors get, not what the SQL costs: pgbench's figure is the SQL's own.
 */
public class IncidentBench {

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  static String base;
  static String host;
  static String jdbc;
  static long tenant;
  static double lat0;
  static double lon0;
  static String publicCategories;
  static final int THREADS = 4;
  static final int SECONDS = 15;

  public static void main(String[] args) throws Exception {
    base = args[0];
    host = args[1];
    jdbc = args[2];
    String slug = args[3];
    int target = Integer.parseInt(args[4]);
    String owner = env("CITE_DB_OWNER_PASSWORD", "cite_owner");
    try (Connection c = DriverManager.getConnection(jdbc, "cite_owner", owner)) {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select id from tenant where slug = '" + slug + "'")) {
        r.next();
        tenant = r.getLong(1);
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
        try (ResultSet r = s.executeQuery("select lat0, lon0 from incident_plane")) {
          if (!r.next()) {
            throw new IllegalStateException("The town has no incident set-up: is the demo seeded?");
          }
          lat0 = r.getDouble(1);
          lon0 = r.getDouble(2);
        }
        try (ResultSet r = s.executeQuery("select string_agg(id::text, ',') from incident_category where public")) {
          r.next();
          publicCategories = r.getString(1);
        }
      }
      c.commit();
      fill(c, 1_000);
      Result small = measure("1,000 reports");
      fill(c, target);
      Result large = measure(String.format(Locale.ROOT, "%,d reports", target));
      System.out.printf(
          Locale.ROOT,
          "%nnearby duplicates p50: %.1f ms with 1,000 reports, %.1f ms with %,d: ratio %.2f (bound 2)%n",
          small.nearbyP50,
          large.nearbyP50,
          target,
          large.nearbyP50 / small.nearbyP50);
      System.out.printf(
          Locale.ROOT,
          "map page payload: %.1f KB with 1,000 reports, %.1f KB with %,d (of which the city-wide map JSON %.1f KB and %.1f KB)%n",
          small.pageKb,
          large.pageKb,
          target,
          small.mapKb,
          large.mapKb);
    }
  }

  record Result(double nearbyP50, double pageKb, double mapKb) {}

  static final String[] CATEGORIES = {"nid-de-poule", "trottoir", "signalisation", "depot-sauvage", "eclairage", "arbre"};

  /** Writes reports (and their requests) until the town has {@code n}, as the owner. */
  static void fill(Connection c, int n) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
      long have;
      try (ResultSet r = s.executeQuery("select count(*) from incident")) {
        r.next();
        have = r.getLong(1);
      }
      if (have >= n) {
        return;
      }
      long t0 = System.nanoTime();
      double ky = 111_132.92 - 559.82 * Math.cos(2 * Math.toRadians(lat0)) + 1.175 * Math.cos(4 * Math.toRadians(lat0));
      double kx = 111_412.84 * Math.cos(Math.toRadians(lat0)) - 93.5 * Math.cos(3 * Math.toRadians(lat0));
      long type;
      long service;
      try (ResultSet r = s.executeQuery("select id, service_id from request_type where slug = 'signalement'")) {
        r.next();
        type = r.getLong(1);
        service = r.getLong(2);
      }
      long offset = 5_000_000_000_000L + have;
      int batch = 100_000;
      for (long from = have; from < n; from += batch) {
        long to = Math.min(n, from + batch);
        String series = "generate_series(" + (offset + from - have) + ", " + (offset + to - have - 1) + ") g";
        s.execute(
            "insert into demande (id, type_id, reference, channel, form_data, status, service_id, created_at, updated_at, submitted_at)"
                + " select g, " + type + ", 'BENCH-' || g, 'WEB', '{}', 'SUBMITTED', " + service
                + ", now() - (g % 365) * interval '1 day', now(), now() from " + series);
        s.execute(
            "insert into incident (id, demande_id, category_id, status, lat, lon, x, y, geo, moderation, created_at, updated_at)"
                + " select g, g, c.id, case when g % 5 < 3 then 'ACKNOWLEDGED' else 'RESOLVED' end, p.lat, p.lon,"
                + " (p.lon - " + lon0 + ") * " + kx + ", (p.lat - " + lat0 + ") * " + ky + ","
                + " point((p.lon - " + lon0 + ") * " + kx + ", (p.lat - " + lat0 + ") * " + ky + "), 'PUBLISHED',"
                + " now() - (g % 365) * interval '1 day', now()"
                + " from " + series + " cross join lateral (select " + lat0 + " - 0.03 + 0.06 * ((g * 7919) % 100003) / 100003.0 as lat,"
                + " " + lon0 + " - 0.05 + 0.10 * ((g * 104729) % 99991) / 99991.0 as lon) p"
                + " join incident_category c on c.code = (array['" + String.join("','", CATEGORIES) + "'])[1 + g % "
                + CATEGORIES.length + "]");
        c.commit();
      }
      // What autovacuum does to a table after a bulk load, at once: statistics, and the visibility
      // map the map's index-only scan of its cells relies on.
      c.setAutoCommit(true);
      s.execute("vacuum (analyze) incident");
      s.execute("vacuum (analyze) demande");
      c.setAutoCommit(false);
      System.out.printf(Locale.ROOT, "wrote %,d reports in %.0f s%n", n - have, (System.nanoTime() - t0) / 1e9);
    }
  }

  static Result measure(String label) throws Exception {
    System.out.printf("%n== %s%n", label);
    String city = bbox(0.03, 0.05);
    String street = bbox(0.0015, 0.0025);
    for (String[] view : new String[][] {{"city-wide, zoom 13", city, "13"}, {"street, zoom 17", street, "17"}}) {
      String path = "/api/v1/incidents/map?bbox=" + view[1] + "&zoom=" + view[2] + "&days=365";
      // Cells (below zoom 16) are computed once per 30 s for everyone: the first call after the
      // writes computes them, the calls measured are mostly served the computed view.
      long cold = System.nanoTime();
      get(path);
      System.out.printf(Locale.ROOT, "map bbox API %-18s first call %.0f ms%n", view[0], (System.nanoTime() - cold) / 1e6);
      double[] http = http(path);
      double pg = pgbench(view[1], Integer.parseInt(view[2]));
      System.out.printf(
          Locale.ROOT,
          "map bbox API %-18s %7.1f req/s (p50 %.1f ms) vs pgbench same SQL %7.1f tx/s: ratio %.2f (bound 0.5)%n",
          view[0], http[0], http[1], pg, http[0] / pg);
    }
    List<Double> nearby = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double la = lat0 - 0.02 + 0.04 * ((i * 37) % 200) / 200.0;
      double lo = lon0 - 0.03 + 0.06 * ((i * 53) % 200) / 200.0;
      long t = System.nanoTime();
      HttpResponse<byte[]> r = get(String.format(Locale.ROOT, "/api/v1/incidents/nearby?category=nid-de-poule&lat=%.5f&lon=%.5f", la, lo));
      if (r.statusCode() == 200) {
        nearby.add((System.nanoTime() - t) / 1e6);
      }
    }
    Collections.sort(nearby);
    double nearbyP50 = nearby.isEmpty() ? Double.NaN : nearby.get(nearby.size() / 2);
    System.out.printf(Locale.ROOT, "nearby duplicates: p50 %.1f ms (%d calls answered)%n", nearbyP50, nearby.size());
    long page = 0;
    for (String p : new String[] {"/signalements/carte", "/resources/css/portal.css", "/resources/js/portal.js",
        "/resources/js/incidents.js", "/webjars/leaflet/1.9.4/dist/leaflet.js", "/webjars/leaflet/1.9.4/dist/leaflet.css",
        "/api/v1/incidents/geojson"}) {
      page += get(p).body().length;
    }
    long map = get("/api/v1/incidents/map?bbox=" + city + "&zoom=13&days=365").body().length;
    return new Result(nearbyP50, (page + map) / 1024.0, map / 1024.0);
  }

  static String bbox(double dLat, double dLon) {
    return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", lon0 - dLon, lat0 - dLat, lon0 + dLon, lat0 + dLat);
  }

  static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Host", host).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Requests per second and p50 (ms) of a GET with THREADS clients for SECONDS. */
  static double[] http(String path) throws Exception {
    get(path);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    List<Future<List<Double>>> all = new ArrayList<>();
    AtomicLong failures = new AtomicLong();
    for (int t = 0; t < THREADS; t++) {
      all.add(pool.submit(() -> {
        List<Double> times = new ArrayList<>();
        while (System.nanoTime() < end) {
          long s = System.nanoTime();
          int status = get(path).statusCode();
          if (status != 200) {
            failures.incrementAndGet();
            if (failures.get() <= 3) {
              System.out.println("  HTTP " + status);
            }
            continue;
          }
          times.add((System.nanoTime() - s) / 1e6);
        }
        return times;
      }));
    }
    List<Double> times = new ArrayList<>();
    for (Future<List<Double>> f : all) {
      times.addAll(f.get());
    }
    pool.shutdown();
    if (failures.get() > 0) {
      System.out.println("  (" + failures.get() + " failed calls)");
    }
    Collections.sort(times);
    return new double[] {times.size() / (double) SECONDS, times.isEmpty() ? Double.NaN : times.get(times.size() / 2)};
  }

  /**
   * The endpoint's SQL (IncidentReads.map: the plane, the categories, the count, the cells or the
   * reports, the list's first page) run by pgbench as the application role, in one transaction
   * bound to the town like the application's.
   */
  static double pgbench(String bbox, int zoom) throws Exception {
    String[] b = bbox.split(",");
    double ky = 111_132.92 - 559.82 * Math.cos(2 * Math.toRadians(lat0)) + 1.175 * Math.cos(4 * Math.toRadians(lat0)) - 0.0023 * Math.cos(6 * Math.toRadians(lat0));
    double kx = 111_412.84 * Math.cos(Math.toRadians(lat0)) - 93.5 * Math.cos(3 * Math.toRadians(lat0)) + 0.118 * Math.cos(5 * Math.toRadians(lat0));
    double x1 = (Double.parseDouble(b[0]) - lon0) * kx;
    double x2 = (Double.parseDouble(b[2]) - lon0) * kx;
    double y1 = (Double.parseDouble(b[1]) - lat0) * ky;
    double y2 = (Double.parseDouble(b[3]) - lat0) * ky;
    String where = String.format(Locale.ROOT,
        " where i.tenant_id = %d and i.x >= %f and i.x <= %f and i.y >= %f and i.y <= %f and i.category_id in (%s)"
            + " and i.moderation <> 'HIDDEN' and i.status <> 'DUPLICATE' and i.created_at >= now() - interval '365 days'",
        tenant, x1, x2, y1, y2, publicCategories);
    String from = " from incident i";
    double cell = Math.max(1, 156_543.03 * Math.cos(Math.toRadians(lat0)) / Math.pow(2, zoom) * 64);
    StringBuilder sql = new StringBuilder("BEGIN;\n");
    sql.append("SELECT set_config('app.tenant_id', '").append(tenant).append("', true);\n");
    sql.append("SELECT lat0, lon0 FROM incident_plane;\n");
    sql.append("SELECT id, code, parent_id, name_fr, name_en, public, photo_required, duplicate_radius_m, reopen_allowed,"
        + " expected_days, message_fr, message_en, default_service_id, position FROM incident_category ORDER BY position, name_fr;\n");
    if (zoom < 16) {
      sql.append(String.format(Locale.ROOT, "SELECT floor(i.x / %s), floor(i.y / %s), count(*), avg(i.lat), avg(i.lon), min(i.id), min(i.status), min(i.category_id)", cell, cell))
          .append(from).append(where).append(" GROUP BY 1, 2;\n");
    } else {
      sql.append("SELECT count(*)").append(from).append(where).append(";\n");
      sql.append("SELECT i.id, i.lat, i.lon, i.status, i.category_id").append(from).append(where).append(" ORDER BY i.id;\n");
    }
    sql.append("SELECT i.id, i.category_id, i.status, i.lat, i.lon, i.created_at, i.updated_at, s.name_fr").append(from)
        .append(" left join incident_service s on s.tenant_id = i.tenant_id and s.id = i.service_id").append(where)
        .append(" ORDER BY i.created_at DESC, i.id DESC LIMIT 20;\nEND;\n");
    Path script = Files.createTempFile("incident-map", ".sql");
    Files.writeString(script, sql);
    URI u = URI.create(jdbc.substring("jdbc:".length()));
    ProcessBuilder pb = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(THREADS), "-j", "2", "-T", String.valueOf(SECONDS),
        "-h", u.getHost(), "-p", String.valueOf(u.getPort()), "-U", "cite_app", "-f", script.toString(), u.getPath().substring(1));
    pb.environment().put("PGPASSWORD", env("CITE_DB_APP_PASSWORD", "cite_app"));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("pgbench: " + out);
    }
    return Double.parseDouble(m.group(1));
  }

  static String env(String k, String d) {
    String v = System.getenv(k);
    return v == null || v.isBlank() ? d : v;
  }
}
