package fr.cite.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Town A never sees nor changes town B's data: through the API, the pages, and the database itself
 * (row-level security for the application role).
 */
class TenantIsolationIT extends CiteIntegrationTest {

  static TestTowns.Town a;
  static TestTowns.Town b;

  @BeforeAll
  static void twoTownsHoldingData() throws Exception {
    a = TestTowns.onboard();
    b = TestTowns.onboard();
    for (TestTowns.Town t : List.of(a, b)) {
      addOffice(t, "Mairie annexe de " + t.slug(), "01 00 00 " + (t == a ? "11 11" : "22 22"));
      byte[] logo = png(t == a ? Color.BLUE : Color.RED);
      Http.Response r =
          Http.putBytes(
              Http.PLATFORM,
              "/api/v1/platform/towns/" + t.slug() + "/logo",
              "image/png",
              logo,
              Http.operator());
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
  }

  @Test
  void theApiOfATownShowsOnlyItsOwnData() {
    JsonObject profileA = Http.get(a.host(), "/api/v1/town").json();
    assertThat(profileA.getString("slug")).isEqualTo(a.slug());
    assertThat(profileA.toString())
        .contains("01 00 00 11 11")
        .doesNotContain("01 00 00 22 22")
        .doesNotContain(b.slug())
        .doesNotContain(b.commune().inseeCode());
    assertThat(profileA.getJsonArray("offices")).hasSize(2);
    JsonObject profileB = Http.get(b.host(), "/api/v1/town").json();
    assertThat(profileB.toString()).contains("01 00 00 22 22").doesNotContain("01 00 00 11 11");
  }

  @Test
  void thePagesOfATownShowOnlyItsOwnData() {
    String pageA = Http.get(a.host(), "/").body();
    assertThat(pageA).contains("01 00 00 11 11").contains(a.name());
    assertThat(pageA).doesNotContain("01 00 00 22 22").doesNotContain("annexe de " + b.slug());
    Http.Response consoleA = Http.get(a.host(), "/admin/");
    assertThat(consoleA.status()).as("the console asks to sign in").isEqualTo(302);
    assertThat(consoleA.header("Location"))
        .contains("organization%3A" + a.slug())
        .doesNotContain(b.slug());
  }

  @Test
  void aLogoIsServedByHostNotByWhatTheUrlAsks() {
    Http.Response logoA = Http.get(a.host(), "/api/v1/town/logo");
    Http.Response logoB = Http.get(b.host(), "/api/v1/town/logo");
    assertThat(logoA.status()).isEqualTo(200);
    assertThat(logoA.header("Content-Type")).isEqualTo("image/png");
    assertThat(logoA.bytes()).isNotEqualTo(logoB.bytes());
    String versionOfB =
        Http.get(b.host(), "/api/v1/town")
            .json()
            .getJsonObject("branding")
            .getString("logoUrl")
            .replaceAll(".*\\?v=", "");
    Http.Response askedForB = Http.get(a.host(), "/api/v1/town/logo?v=" + versionOfB);
    assertThat(askedForB.bytes()).isEqualTo(logoA.bytes());
    Http.Response notModified =
        Http.get(a.host(), "/api/v1/town/logo", "If-None-Match", logoA.header("ETag"));
    assertThat(notModified.status()).isEqualTo(304);
  }

  @Test
  void withoutATenantTheApplicationRoleSeesNoTenantRow() throws SQLException {
    try (Connection app = TestDatabase.asApplication();
        Statement st = app.createStatement()) {
      for (String table : List.of("town_office", "town_asset")) {
        try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
          rs.next();
          assertThat(rs.getLong(1)).as(table).isZero();
        }
      }
    }
    try (Connection su = TestDatabase.asSuperuser();
        Statement st = su.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from town_office")) {
      rs.next();
      assertThat(rs.getLong(1)).as("rows exist").isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void withTenantASetTheApplicationRoleSeesOnlyRowsOfA() throws SQLException {
    try (Connection app = TestDatabase.asApplication()) {
      app.setAutoCommit(false);
      setTenant(app, a.id());
      List<Long> owners = new ArrayList<>();
      try (Statement st = app.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select tenant_id from town_office union all select tenant_id from town_asset")) {
        while (rs.next()) {
          owners.add(rs.getLong(1));
        }
      }
      assertThat(owners).hasSize(3).containsOnly(a.id());
      app.commit();
      try (Statement st = app.createStatement();
          ResultSet rs = st.executeQuery("select count(*) from town_office")) {
        rs.next();
        assertThat(rs.getLong(1)).as("after commit, the tenant is gone").isZero();
      }
    }
  }

  @Test
  void withTenantASetWritingRowsOfBFails() throws SQLException {
    try (Connection app = TestDatabase.asApplication()) {
      app.setAutoCommit(false);
      setTenant(app, a.id());
      try (Statement st = app.createStatement()) {
        assertThat(
                st.executeUpdate(
                    "update town_office set name = 'pwned' where tenant_id = " + b.id()))
            .isZero();
        assertThat(st.executeUpdate("delete from town_asset where tenant_id = " + b.id())).isZero();
      }
      try (PreparedStatement ps =
          app.prepareStatement(
              "insert into town_office (id, tenant_id, name, position, created_at, updated_at)"
                  + " values (nextval('town_office_seq'), ?, 'Intrus', 9, now(), now())")) {
        ps.setLong(1, b.id());
        assertThatThrownBy(ps::executeUpdate)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
      app.rollback();
      setTenant(app, a.id());
      try (Statement st = app.createStatement()) {
        assertThatThrownBy(
                () ->
                    st.executeUpdate(
                        "update town_office set tenant_id = "
                            + b.id()
                            + " where tenant_id = "
                            + a.id()))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
      app.rollback();
    }
    try (Connection su = TestDatabase.asSuperuser();
        Statement st = su.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*) from town_office where tenant_id = "
                    + b.id()
                    + " and name <> 'pwned'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("B's offices untouched").isEqualTo(2);
    }
  }

  @Test
  void theApplicationRoleCannotSwitchRowLevelSecurityOff() throws SQLException {
    try (Connection app = TestDatabase.asApplication();
        Statement st = app.createStatement()) {
      assertThatThrownBy(() -> st.execute("alter table town_office disable row level security"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> st.execute("set row_security = off; select * from town_office"))
          .isInstanceOf(SQLException.class);
    }
  }

  static void setTenant(Connection c, long tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      ps.setString(1, Long.toString(tenantId));
      ps.executeQuery().close();
    }
  }

  static void addOffice(TestTowns.Town t, String name, String phone) throws SQLException {
    try (Connection su = TestDatabase.asSuperuser();
        PreparedStatement ps =
            su.prepareStatement(
                "insert into town_office (id, tenant_id, name, phone, position, created_at,"
                    + " updated_at) values (nextval('town_office_seq'), ?, ?, ?, 1, now(), now())")) {
      ps.setLong(1, t.id());
      ps.setString(2, name);
      ps.setString(3, phone);
      ps.executeUpdate();
    }
  }

  static byte[] png(Color color) throws java.io.IOException {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 32, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
