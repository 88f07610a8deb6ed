package fr.cite.it.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Geodata without PostGIS: reports in the town's plane in local metres (built-in points), indexed
 * by GiST with the tenant first, queried with the tenant explicit (the planner then knows the
 * town's size; row-level security still applies). Under row-level security only leakproof operators
 * make index conditions and no geometric one is: boxes are float8 ranges on x and y, sectors are
 * found by their bounding box first; nearest-first orders by {@code geo <->}. Nearest open reports
 * of a category, the map's box and the sector of a point are index scans of one town (their plans
 * say so), give the right rows, and town B's application role reads none of town A's.
 */
class IncidentGeodataIT extends CiteIntegrationTest {

  static final String OPEN =
      "('NEW', 'TO_REQUALIFY', 'ACKNOWLEDGED', 'SCHEDULED', 'IN_PROGRESS', 'WAITING',"
          + " 'TRANSFERRED', 'REOPENED')";

  static TestTowns.Town a;
  static TestTowns.Town b;
  static long categoryA;

  @BeforeAll
  static void setUp() throws Exception {
    a = TestTowns.onboard();
    b = TestTowns.onboard();
    categoryA = seed(a, 30_000, 1);
    seed(b, 1_000, 2);
  }

  /**
   * A town's plane, a service, a category, a grid of 2,500 sectors of 200 m, and {@code n} reports
   * spread over 10 km × 10 km (every other one open), as the superuser.
   */
  static long seed(TestTowns.Town town, int n, int salt) throws SQLException {
    long base = 900_000_000_000L + salt * 10_000_000L;
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', '" + town.id() + "', true)");
      s.execute("insert into incident_plane (lat0, lon0) values (49.4938, 0.1077)");
      s.execute(
          "insert into incident_service (id, code, name_fr, created_at) values ("
              + base
              + ", 'voirie', 'Voirie', now())");
      s.execute(
          "insert into incident_category (id, code, name_fr, default_service_id, created_at)"
              + " values ("
              + (base + 1)
              + ", 'nid-de-poule', 'Nid-de-poule', "
              + base
              + ", now())");
      s.execute(
          "insert into incident_sector (id, name, area, min_x, max_x, min_y, max_y, outline,"
              + " created_at) select "
              + (base + 10)
              + " + i * 50 + j, 'Secteur ' || i || '-' || j,"
              + " polygon(box(point(-5000 + i * 200, -5000 + j * 200),"
              + " point(-4800 + i * 200, -4800 + j * 200))), -5000 + i * 200, -4800 + i * 200,"
              + " -5000 + j * 200, -4800 + j * 200, '[]', now()"
              + " from generate_series(0, 49) i, generate_series(0, 49) j");
      long type =
          Checks.count(
              c,
              "select id from request_type where tenant_id = "
                  + town.id()
                  + " order by id limit 1");
      long service = Checks.count(c, "select service_id from request_type where id = " + type);
      s.execute(
          "insert into demande (id, type_id, channel, form_data, status, service_id, created_at,"
              + " updated_at) select "
              + (base + 100_000)
              + " + g, "
              + type
              + ", 'WEB', '{}', 'SUBMITTED', "
              + service
              + ", now(), now() from generate_series(1, "
              + n
              + ") g");
      // x, y in metres from the town hall; lat, lon from them (kx 72,470 m, ky 111,215 m a degree).
      s.execute(
          "insert into incident (id, demande_id, category_id, status, lat, lon, x, y, geo,"
              + " created_at, updated_at) select "
              + (base + 1_000_000)
              + " + g, "
              + (base + 100_000)
              + " + g, "
              + (base + 1)
              + ", case when g % 2 = 0 then 'NEW' else 'RESOLVED' end,"
              + " 49.4938 + y / 111215.0, 0.1077 + x / 72470.0, x, y, point(x, y), now(), now()"
              + " from (select g, ((g::bigint * 7919) % 10000) - 5000.0 as x,"
              + " ((g::bigint * 104729) % 10000) - 5000.0 as y from generate_series(1, "
              + n
              + ") g) p");
      c.commit();
      // Statistics for the planner, outside a transaction (one rolled back would lose them).
      c.setAutoCommit(true);
      s.execute("analyze incident");
      s.execute("analyze incident_sector");
      return base + 1;
    }
  }

  interface Work {
    void run(Connection c, Statement s) throws SQLException;
  }

  /** As the application role, bound to a town, in a transaction rolled back. */
  static void asTown(TestTowns.Town town, Work work) throws SQLException {
    try (Connection c = TestDatabase.asApplication();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', '" + town.id() + "', true)");
      try {
        work.run(c, s);
      } finally {
        c.rollback();
      }
    }
  }

  static String plan(Statement s, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (ResultSet r = s.executeQuery("explain " + sql)) {
      while (r.next()) {
        out.append(r.getString(1)).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void theNearestOpenReportsOfACategoryComeNearestFirstFromTheIndex() throws Exception {
    String nearest =
        "select id, geo <-> point(120, -40) as d, status from incident"
            + " where tenant_id = "
            + a.id()
            + " and category_id = "
            + categoryA
            + " and status in "
            + OPEN
            + " order by geo <-> point(120, -40) limit 5";
    asTown(
        a,
        (c, s) -> {
          assertThat(plan(s, nearest)).contains("incident_open_geo_gix");
          List<Double> distances = new ArrayList<>();
          try (ResultSet r = s.executeQuery(nearest)) {
            while (r.next()) {
              distances.add(r.getDouble(2));
              assertThat(r.getString(3)).isEqualTo("NEW");
            }
          }
          assertThat(distances).hasSize(5).isSorted();
          // The same five as a full scan by true distance.
          double fifth =
              Checks.count(
                  c,
                  "select floor(d)::bigint from (select sqrt(power(geo[0] - 120, 2) + power(geo[1] + 40, 2)) d"
                      + " from incident where status = 'NEW' order by d offset 4 limit 1) x");
          assertThat(Math.floor(distances.get(4))).isEqualTo(fifth);
        });
  }

  @Test
  void theMapsBoxAndAPointsSectorAreIndexScansOfOneTown() throws Exception {
    String box =
        "select count(*) from incident where tenant_id = "
            + a.id()
            + " and x between -300 and 300 and y between -300 and 300";
    String sector =
        "select id, name from incident_sector where tenant_id = "
            + a.id()
            + " and min_x <= 10 and max_x >= 10 and min_y <= 10 and max_y >= 10"
            + " and area @> point(10, 10)";
    asTown(
        a,
        (c, s) -> {
          // At 30,000 rows a sequential scan is as cheap as the index for PostgreSQL; what is
          // checked here is that the index serves these conditions once a town is large (the
          // nearest-first query above takes it unasked).
          s.execute("set local enable_seqscan = off");
          assertThat(plan(s, box)).contains("incident_xy_gix");
          long inBox = Checks.count(c, box);
          long byHand =
              Checks.count(
                  c,
                  "select count(*) from incident where geo <@ box(point(-300, -300),"
                      + " point(300, 300))");
          assertThat(inBox).isEqualTo(byHand).isPositive();
          assertThat(plan(s, sector)).contains("incident_sector_bbox_gix");
          try (ResultSet r = s.executeQuery(sector)) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(2)).isEqualTo("Secteur 25-25");
          }
          // A point on the edge of two sectors is in both (priority decides in routing).
          assertThat(
                  Checks.count(
                      c, "select count(*) from incident_sector where area @> point(0, 100)"))
              .isEqualTo(2);
        });
  }

  @Test
  void townBsApplicationRoleReadsAndWritesNoneOfTownAsReports() throws Exception {
    asTown(
        b,
        (c, s) -> {
          for (String table :
              List.of(
                  "incident",
                  "incident_category",
                  "incident_service",
                  "incident_sector",
                  "incident_plane")) {
            assertThat(
                    Checks.count(
                        c, "select count(*) from " + table + " where tenant_id = " + a.id()))
                .as(table)
                .isZero();
          }
          assertThat(Checks.count(c, "select count(*) from incident")).isEqualTo(1_000);
          Throwable intrusion =
              catchThrowable(
                  () ->
                      s.executeUpdate(
                          "insert into incident_service (id, tenant_id, code, name_fr, created_at)"
                              + " values (1, "
                              + a.id()
                              + ", 'intrus', 'Intrus', now())"));
          assertThat(intrusion).hasMessageContaining("row-level security");
        });
  }
}
