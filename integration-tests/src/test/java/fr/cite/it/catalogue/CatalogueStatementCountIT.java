package fr.cite.it.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * No N+1: rendering the home and a theme page (cache cold) runs the same number of SQL statements
 * for a town with 10 procedures and for one with 1,000. Counted by Hibernate's statistics, read
 * through WildFly's management model.
 */
class CatalogueStatementCountIT extends CiteIntegrationTest {

  @ArquillianResource ManagementClient management;

  private static final ModelNode UNIT =
      Operations.createAddress(
          "deployment",
          "cite.ear",
          "subsystem",
          "jpa",
          "hibernate-persistence-unit",
          "cite.ear#cite");

  @Test
  void theHomeAndAThemePageCostTheSameNumberOfStatementsWhateverTheCatalogueSize()
      throws Exception {
    execute(Operations.createWriteAttributeOperation(UNIT, "statistics-enabled", true));
    ColdPair home = coldPair("/");
    ColdPair theme = coldPair("/themes/famille");
    // On the towns whose home was just measured, as before: their catalogue is cached now.
    long procedureSmall = statementsFor(home.small(), "/demarches/inscription-creche");
    long procedureLarge = statementsFor(home.large(), "/demarches/inscription-creche");
    long warmHome = statementsFor(home.large(), "/");

    System.out.printf(
        "Statements (10 vs 1,000 procedures): home, cold %d vs %d; theme page, cold %d vs %d; procedure page %d vs %d; home, warm %d%n",
        home.smallCount(),
        home.largeCount(),
        theme.smallCount(),
        theme.largeCount(),
        procedureSmall,
        procedureLarge,
        warmHome);
    assertThat(home.largeCount()).isBetween(home.smallCount() - 2, home.smallCount() + 2);
    assertThat(theme.largeCount()).isBetween(theme.smallCount() - 2, theme.smallCount() + 2);
    assertThat(procedureLarge).isBetween(procedureSmall - 2, procedureSmall + 2);
    assertThat(home.smallCount()).isLessThan(25);
    assertThat(theme.smallCount()).isLessThan(25);
    assertThat(warmHome).isZero();
  }

  /** Two fresh towns, of 10 and 1,000 procedures, and the statements of one page for each. */
  record ColdPair(TestTowns.Town small, TestTowns.Town large, long smallCount, long largeCount) {}

  /**
   * The statements of a page, cold, for a fresh town of 10 procedures and one of 1,000. The counter
   * is the server's: a background job (a billing sweep, a reminder) that runs during a measurement
   * adds its own statements, so a pair outside ±2 is measured again on two fresh towns (three pairs
   * at most, each printed); an N+1 would miss on every pair.
   */
  private ColdPair coldPair(String path) throws Exception {
    ColdPair pair = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      TestTowns.Town small = TestTowns.onboard();
      TestTowns.Town large = TestTowns.onboard();
      keepOnly(small, 10);
      grow(large, 1_000);
      try (Connection su = TestDatabase.asSuperuser()) {
        assertThat(published(su, small)).isEqualTo(10);
        assertThat(published(su, large)).isEqualTo(1_000);
      }
      pair = new ColdPair(small, large, statementsFor(small, path), statementsFor(large, path));
      System.out.printf(
          "%s, attempt %d: %d vs %d statements%n",
          path, attempt, pair.smallCount(), pair.largeCount());
      if (Math.abs(pair.smallCount() - pair.largeCount()) <= 2) {
        break;
      }
    }
    return pair;
  }

  private static long published(Connection su, TestTowns.Town t) throws SQLException {
    return Checks.count(
        su,
        "select count(*) from catalogue_procedure where status = 'PUBLISHED' and tenant_id = "
            + t.id());
  }

  private long statementsFor(TestTowns.Town town, String path) throws Exception {
    execute(Operations.createOperation("clear", UNIT));
    Http.Response r = Http.get(town.host(), path);
    assertThat(r.status()).as(path).isEqualTo(200);
    return execute(Operations.createReadAttributeOperation(UNIT, "prepared-statement-count"))
        .asLong();
  }

  private ModelNode execute(ModelNode op) throws Exception {
    ModelNode result = management.getControllerClient().execute(op);
    assertThat(Operations.isSuccessfulOutcome(result)).as(result.toString()).isTrue();
    return Operations.readResult(result);
  }

  /** Leaves a town with only its first {@code n} procedures published. */
  static void keepOnly(TestTowns.Town town, int n) throws SQLException {
    try (Connection su = TestDatabase.asSuperuser();
        PreparedStatement ps =
            su.prepareStatement(
                "update catalogue_procedure set status = 'DRAFT' where tenant_id = ? and id not in"
                    + " (select id from catalogue_procedure where tenant_id = ? order by slug limit ?)"
                    + " and slug <> 'inscription-creche'")) {
      ps.setLong(1, town.id());
      ps.setLong(2, town.id());
      ps.setInt(3, n - 1);
      ps.executeUpdate();
    }
  }

  /**
   * Adds generated procedures until the town has {@code total} published, each filed under the
   * "famille" theme and the "familles" profile, with an online channel and a related procedure.
   */
  static void grow(TestTowns.Town town, int total) throws SQLException {
    try (Connection su = TestDatabase.asSuperuser()) {
      long existing =
          Checks.count(
              su, "select count(*) from catalogue_procedure where tenant_id = " + town.id());
      long t = town.id();
      su.createStatement()
          .executeUpdate(
              "insert into catalogue_procedure (id, tenant_id, slug, status, title_fr, title_en, summary_fr, keywords, created_at, updated_at)"
                  + " select nextval('catalogue_seq'), "
                  + t
                  + ", 'generee-' || g, 'PUBLISHED', 'Démarche générée numéro ' || g,"
                  + " 'Generated procedure ' || g, 'Une démarche de plus pour mesurer le coût des pages.', 'test mesure', now(), now()"
                  + " from generate_series(1, "
                  + (total - existing)
                  + ") g");
      su.createStatement()
          .executeUpdate(
              "insert into catalogue_procedure_theme (tenant_id, procedure_id, theme_id)"
                  + " select p.tenant_id, p.id, th.id from catalogue_procedure p join catalogue_theme th"
                  + " on th.tenant_id = p.tenant_id and th.slug in ('famille', 'petite-enfance')"
                  + " where p.tenant_id = "
                  + t
                  + " and p.slug like 'generee-%'");
      su.createStatement()
          .executeUpdate(
              "insert into catalogue_procedure_profile (tenant_id, procedure_id, profile_id)"
                  + " select p.tenant_id, p.id, a.id from catalogue_procedure p join catalogue_profile a"
                  + " on a.tenant_id = p.tenant_id and a.slug = 'familles'"
                  + " where p.tenant_id = "
                  + t
                  + " and p.slug like 'generee-%'");
      su.createStatement()
          .executeUpdate(
              "insert into catalogue_channel (id, tenant_id, procedure_id, position, kind, url)"
                  + " select nextval('catalogue_seq'), p.tenant_id, p.id, 0, 'ONLINE', 'https://www.service-public.fr'"
                  + " from catalogue_procedure p where p.tenant_id = "
                  + t
                  + " and p.slug like 'generee-%'");
      su.createStatement()
          .executeUpdate(
              "insert into catalogue_related (tenant_id, procedure_id, related_id)"
                  + " select p.tenant_id, p.id, c.id from catalogue_procedure p join catalogue_procedure c"
                  + " on c.tenant_id = p.tenant_id and c.slug = 'inscription-creche'"
                  + " where p.tenant_id = "
                  + t
                  + " and p.slug like 'generee-%'");
      su.createStatement()
          .executeUpdate(
              "insert into catalogue_related (tenant_id, procedure_id, related_id)"
                  + " select p.tenant_id, c.id, p.id from catalogue_procedure p join catalogue_procedure c"
                  + " on c.tenant_id = p.tenant_id and c.slug = 'inscription-creche'"
                  + " where p.tenant_id = "
                  + t
                  + " and p.slug like 'generee-%'");
    }
  }
}
