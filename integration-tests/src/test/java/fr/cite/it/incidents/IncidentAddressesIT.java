package fr.cite.it.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A town's addresses and figures: its Base Adresse Locale imported whole (20,000 addresses: what
 * was kept, rows left out with their line and reason), address search while typing (accents, case,
 * the start of a word; an index range of one town under row-level security, its plan says so) and
 * the address of a point; a file that is not a BAL, or holds no address of the town, changes
 * nothing; sectors are imported all or none; the dashboard counts the town's reports; town B finds
 * none of A's addresses through the API or its database role.
 */
class IncidentAddressesIT extends CiteIntegrationTest {

  static final double LAT = 49.49;
  static final double LON = 0.10;
  static final int STREETS = 200;
  static final int NUMBERS = 100;

  static TestTowns.Town a;
  static TestTowns.Town b;
  static IncidentTowns.SetUp setA;
  static IncidentTowns.SetUp setB;
  static long importMillis;

  @BeforeAll
  static void towns() throws Exception {
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
    setA = IncidentTowns.setUp(a, LAT, LON, "voirie-adresses@example.fr");
    setB = IncidentTowns.setUp(b, 45.0, 1.0, "voirie-adresses-b@example.fr");
    long start = System.nanoTime();
    Http.Response imported = importBal(a, bal(a.commune().inseeCode()), "bal-a.csv");
    importMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    System.out.printf(
        Locale.ROOT,
        "BAL of %d addresses imported in %d ms%n",
        STREETS * NUMBERS + 2,
        importMillis);
  }

  /** Point {@code n} of street {@code s}: streets 10 m apart running east, numbers 8 m apart. */
  static double[] position(int s, int n) {
    return new double[] {LAT - 0.009 + s * 0.00009, LON - 0.009 + n * 0.00011};
  }

  /**
   * A BAL 1.4 file of the commune: "Rue de Paris" (street 0), "Allée des Érables" (street 1),
   * streets "Rue n° s" up to {@value #STREETS}, each with {@value #NUMBERS} numbers; a place
   * without a number; and rows to leave out (another commune, a position off the globe, a number
   * that is not one).
   */
  static String bal(String insee) {
    StringBuilder out =
        new StringBuilder(
            "\uFEFFuid_adresse;cle_interop;commune_insee;commune_nom;commune_deleguee_insee;"
                + "commune_deleguee_nom;voie_nom;lieudit_complement_nom;numero;suffixe;position;"
                + "x;y;long;lat;cad_parcelles;source;date_der_maj;certification_commune\n");
    for (int s = 0; s < STREETS; s++) {
      String street = s == 0 ? "Rue de Paris" : s == 1 ? "Allée des Érables" : "Rue n° " + s;
      for (int n = 1; n <= NUMBERS; n++) {
        double[] p = position(s, n);
        out.append(
            String.format(
                Locale.ROOT,
                ";%s_%04d_%05d;%s;Commune;;;%s;;%d;;entrée;;;%.6f;%.6f;;commune;2026-01-01;1\n",
                insee,
                s,
                n,
                insee,
                street,
                n,
                p[1],
                p[0]));
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            ";%s_9999_99999;%s;Commune;;;Place de l'Hôtel de Ville;;99999;;segment;;;%.6f;%.6f;;"
                + "commune;2026-01-01;1\n",
            insee,
            insee,
            LON,
            LAT));
    out.append(";x;99999;Ailleurs;;;Rue Ailleurs;;1;;entrée;;;0.1;49.49;;commune;2026-01-01;1\n");
    out.append(";y;" + insee + ";C;;;Rue de Paris;;200;;entrée;;;0.1;1000;;commune;2026-01-01;1\n");
    out.append(";z;" + insee + ";C;;;Rue de Paris;;2b;;entrée;;;0.1;49.49;;commune;2026-01-01;1\n");
    return out.toString();
  }

  static Http.Response importBal(TestTowns.Town town, String csv, String name) {
    IncidentTowns.SetUp set = town == a ? setA : setB;
    return Http.send(
        town.host(),
        "/api/v1/admin/incidents/addresses?name=" + name,
        "text/csv",
        csv.getBytes(StandardCharsets.UTF_8),
        "PUT",
        set.admin().bearer());
  }

  static JsonArray search(TestTowns.Town town, String q) {
    Http.Response r =
        Http.get(
            town.host(),
            "/api/v1/incidents/addresses?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.structure().asJsonArray();
  }

  static long count(String sql) throws Exception {
    try (Connection c = TestDatabase.asSuperuser()) {
      return Checks.count(c, sql);
    }
  }

  @Test
  void aTownsBaseAdresseLocaleIsImportedWholeAndSaysWhatItLeftOut() throws Exception {
    Http.Response last =
        Http.get(a.host(), "/api/v1/admin/incidents/addresses", setA.admin().bearer());
    assertThat(last.status()).as(last.body()).isEqualTo(200);
    JsonObject imported = last.json();
    assertThat(imported.getInt("addresses")).isEqualTo(STREETS * NUMBERS + 1);
    assertThat(imported.getInt("rejected")).isEqualTo(3);
    assertThat(imported.getString("fileName")).isEqualTo("bal-a.csv");
    JsonArray rejections = imported.getJsonArray("rejections");
    int first = STREETS * NUMBERS + 3; // header, addresses, the place
    assertThat(rejections.getJsonObject(0).getInt("line")).isEqualTo(first);
    assertThat(rejections.getJsonObject(0).getString("reason")).contains("99999");
    assertThat(rejections.getJsonObject(1).getString("reason")).isEqualTo("position hors du globe");
    assertThat(rejections.getJsonObject(2).getString("reason")).contains("2b");
    assertThat(
            count(
                "select count(*) from incident_address where tenant_id = "
                    + a.id()
                    + " and label = '12 Rue de Paris'"))
        .isEqualTo(1);
    // Not an administrator: no import, no status.
    assertThat(
            Http.send(
                    a.host(),
                    "/api/v1/admin/incidents/addresses",
                    "text/csv",
                    "x".getBytes(StandardCharsets.UTF_8),
                    "PUT")
                .status())
        .isIn(401, 403);
  }

  @Test
  void anAddressIsFoundWhileTypingAndAPointGetsItsAddress() throws Exception {
    JsonArray exact = search(a, "12 rue paris");
    assertThat(exact.getJsonObject(0).getString("label")).isEqualTo("12 Rue de Paris");
    assertThat(exact.getJsonObject(0).getString("source")).isEqualTo("bal");
    double[] p = position(0, 12);
    assertThat(exact.getJsonObject(0).getJsonNumber("lat").doubleValue())
        .isCloseTo(p[0], org.assertj.core.data.Offset.offset(1e-6));
    // The start of a word, without accents or case; numbers in their order.
    JsonArray prefix = search(a, "ALLEE DES ERAB");
    assertThat(prefix).hasSize(8);
    assertThat(prefix.getJsonObject(0).getString("label")).isEqualTo("1 Allée des Érables");
    assertThat(prefix.getJsonObject(1).getString("label")).isEqualTo("2 Allée des Érables");
    assertThat(search(a, "hotel de ville").getJsonObject(0).getString("label"))
        .isEqualTo("Place de l'Hôtel de Ville");
    assertThat(search(a, "12 bis rue paris")).isEmpty();
    assertThat(search(a, "pa")).isEmpty();
    // A point 3 m from n° 40 of the Rue de Paris gets its address; a point in a field, none.
    double[] near = position(0, 40);
    Http.Response at =
        Http.get(
            a.host(),
            String.format(
                Locale.ROOT,
                "/api/v1/incidents/addresses/at?lat=%.6f&lon=%.6f",
                near[0] + 0.00002,
                near[1]));
    assertThat(at.status()).as(at.body()).isEqualTo(200);
    assertThat(at.json().getString("label")).isEqualTo("40 Rue de Paris");
    Checks.assertProblem(
        Http.get(a.host(), "/api/v1/incidents/addresses/at?lat=49.505&lon=0.115"),
        404,
        "incident-no-address");
    Checks.assertProblem(
        Http.get(a.host(), "/api/v1/incidents/addresses/at?lat=abc&lon=0.1"), 400, "bad-parameter");
    Checks.assertProblem(
        Http.get(a.host(), "/api/v1/incidents/addresses?q=" + "a".repeat(201)),
        400,
        "bad-parameter");
  }

  @Test
  void theSearchIsAnIndexRangeOfOneTownUnderRowLevelSecurity() throws Exception {
    try (Connection c = TestDatabase.asApplication();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', '" + a.id() + "', true)");
      StringBuilder plan = new StringBuilder();
      try (ResultSet r =
          s.executeQuery(
              "explain select a.label from incident_address a where a.tenant_id = "
                  + a.id()
                  + " and a.id in (select w.address_id from incident_address_word w where"
                  + " w.tenant_id = "
                  + a.id()
                  + " and w.word >= 'erab' and w.word < 'erab{') order by a.number = '', a.street"
                  + " limit 8")) {
        while (r.next()) {
          plan.append(r.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString())
          .as(plan.toString())
          .contains("incident_address_word_pkey")
          .contains("Index Cond")
          .doesNotContain("Seq Scan on incident_address_word");
      c.rollback();
    }
  }

  @Test
  void aFileThatIsNotABalOrHasNoAddressOfTheTownChangesNothing() throws Exception {
    long before = count("select count(*) from incident_address where tenant_id = " + a.id());
    Checks.assertProblem(
        importBal(a, "numero;voie_nom\n1;Rue\n", "wrong.csv"), 422, "incident-bal-column");
    Checks.assertProblem(importBal(a, "", "empty.csv"), 422, "incident-bal-unreadable");
    // Town B's file sent to town A: not one address of A.
    Checks.assertProblem(
        importBal(a, bal(b.commune().inseeCode()), "bal-b.csv"), 422, "incident-bal-empty");
    assertThat(count("select count(*) from incident_address where tenant_id = " + a.id()))
        .isEqualTo(before);
    assertThat(
            Http.get(a.host(), "/api/v1/admin/incidents/addresses", setA.admin().bearer())
                .json()
                .getString("fileName"))
        .isEqualTo("bal-a.csv");
    // Sectors: the second polygon has a point off the globe, so neither is added.
    long sectors = count("select count(*) from incident_sector where tenant_id = " + a.id());
    Http.Response bad =
        Http.send(
            a.host(),
            "/api/v1/admin/incidents/sectors",
            "application/json",
            ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                    + "{\"name\":\"Sud\"},\"geometry\":"
                    + IncidentTowns.square(LAT - 0.01, LON, 0.005)
                    + "},{\"type\":\"Feature\",\"properties\":{\"name\":\"Ligne\"},\"geometry\":"
                    + "{\"type\":\"Polygon\",\"coordinates\":[[[0.1,49.49],[0.11,1000],[0.11,49.5],[0.1,49.49]]]}}]}")
                .getBytes(StandardCharsets.UTF_8),
            "POST",
            setA.admin().bearer());
    assertThat(bad.status()).as(bad.body()).isIn(400, 422);
    assertThat(count("select count(*) from incident_sector where tenant_id = " + a.id()))
        .isEqualTo(sectors);
  }

  @Test
  void theDashboardCountsTheTownsOwnReports() throws Exception {
    for (int i = 0; i < 3; i++) {
      Http.Response filed =
          Http.postJson(
              a.host(),
              "/api/v1/incidents",
              IncidentTowns.report(
                  "nid-de-poule",
                  LAT + 0.005 + i * 0.0001,
                  LON,
                  ",\"email\":\"tableau" + i + "@example.fr\""));
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    }
    JsonObject mine =
        Http.get(a.host(), "/api/v1/admin/incidents/dashboard", setA.admin().bearer()).json();
    long voirie =
        mine.getJsonArray("weeks").stream()
            .map(v -> v.asJsonObject())
            .filter(w -> w.getString("category").equals("Voirie"))
            .mapToLong(w -> w.getJsonNumber("reports").longValue())
            .sum();
    assertThat(voirie).isGreaterThanOrEqualTo(3);
    assertThat(mine.getJsonArray("squares")).isNotEmpty();
    assertThat(mine.getJsonArray("squares").getJsonObject(0).getInt("reports"))
        .isGreaterThanOrEqualTo(3);
    assertThat(mine.getJsonArray("delays").toString()).contains("Voirie");
    JsonObject theirs =
        Http.get(b.host(), "/api/v1/admin/incidents/dashboard", setB.admin().bearer()).json();
    assertThat(theirs.getJsonArray("weeks")).isEmpty();
    assertThat(theirs.getJsonArray("squares")).isEmpty();
    // A's administrator is nobody on B.
    assertThat(
            Http.get(b.host(), "/api/v1/admin/incidents/dashboard", setA.admin().bearer()).status())
        .isIn(401, 403);
  }

  @Test
  void townBFindsNoneOfTownAsAddressesThroughTheApiOrItsDatabaseRole() throws Exception {
    assertThat(search(b, "12 rue paris")).isEmpty();
    double[] p = position(0, 12);
    assertThat(
            Http.get(
                    b.host(),
                    String.format(
                        Locale.ROOT, "/api/v1/incidents/addresses/at?lat=%f&lon=%f", p[0], p[1]))
                .status())
        .isEqualTo(404);
    Checks.assertProblem(
        Http.get(b.host(), "/api/v1/admin/incidents/addresses", setB.admin().bearer()),
        404,
        "incident-no-bal");
    try (Connection c = TestDatabase.asApplication();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', '" + b.id() + "', true)");
      for (String table :
          new String[] {"incident_address", "incident_address_word", "incident_address_import"}) {
        assertThat(Checks.count(c, "select count(*) from " + table)).as(table).isZero();
      }
      assertThat(s.executeUpdate("delete from incident_address")).isZero();
      Throwable intrusion =
          catchThrowable(
              () ->
                  s.executeUpdate(
                      "insert into incident_address (id, tenant_id, number, street, place, insee,"
                          + " lat, lon, geo, label, folded) values (1, "
                          + a.id()
                          + ", '1', 'Rue', '', '00000', 49, 0, point(0, 0), '1 Rue', '1 rue')"));
      assertThat(intrusion).hasMessageContaining("row-level security");
      c.rollback();
    }
    assertThat(count("select count(*) from incident_address where tenant_id = " + a.id()))
        .isEqualTo(STREETS * NUMBERS + 1);
  }
}
