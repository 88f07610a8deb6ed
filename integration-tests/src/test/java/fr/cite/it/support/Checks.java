package fr.cite.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Assertions and database checks shared by the test classes of every feature. */
public final class Checks {

  private Checks() {}

  /** An RFC 9457 problem of this status and code, with a title and a detail, no stack trace. */
  public static void assertProblem(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getString("type")).isEqualTo("urn:cite:problem:" + code);
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at fr.cite");
  }

  /** The single number a query counts. */
  public static long count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
