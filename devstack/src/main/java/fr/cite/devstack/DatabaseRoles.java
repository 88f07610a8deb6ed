package fr.cite.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates what Cité expects of a PostgreSQL server, as a superuser, idempotently: the owning role
 * (Liquibase migrates as it), the application role (no ownership, no BYPASSRLS, so row-level
 * security applies), and the database. A DBA does the same once in production (see the README).
 */
public final class DatabaseRoles {

  /** Names and passwords of the two roles and the database. */
  public record Settings(
      String database, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    public static Settings fromEnvironment(String defaultPasswordSuffix) {
      return new Settings(
          env("CITE_DB_NAME", "cite"),
          env("CITE_DB_OWNER_USER", "cite_owner"),
          env("CITE_DB_OWNER_PASSWORD", "cite_owner" + defaultPasswordSuffix),
          env("CITE_DB_APP_USER", "cite_app"),
          env("CITE_DB_APP_PASSWORD", "cite_app" + defaultPasswordSuffix));
    }
  }

  private DatabaseRoles() {}

  /**
   * @param superuserUrl JDBC URL of the server's maintenance database as a superuser
   * @param serverUrl JDBC URL prefix of the server ({@code jdbc:postgresql://localhost:55432/})
   */
  public static void ensure(String superuserUrl, String superuser, String serverUrl, Settings s)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(superuserUrl, superuser, "");
        Statement st = c.createStatement()) {
      ensureRole(c, s.ownerUser(), s.ownerPassword(), "LOGIN NOSUPERUSER NOCREATEROLE");
      ensureRole(
          c,
          s.appUser(),
          s.appPassword(),
          "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT");
      if (!exists(c, "select 1 from pg_database where datname = ?", s.database())) {
        st.execute(
            "CREATE DATABASE "
                + ident(s.database())
                + " OWNER "
                + ident(s.ownerUser())
                + " ENCODING 'UTF8' TEMPLATE template0");
      }
    }
    try (Connection c = DriverManager.getConnection(serverUrl + s.database(), superuser, "");
        Statement st = c.createStatement()) {
      st.execute("ALTER SCHEMA public OWNER TO " + ident(s.ownerUser()));
      st.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
      st.execute("GRANT USAGE ON SCHEMA public TO " + ident(s.appUser()));
      st.execute("REVOKE ALL ON DATABASE " + ident(s.database()) + " FROM PUBLIC");
      st.execute("GRANT CONNECT ON DATABASE " + ident(s.database()) + " TO " + ident(s.appUser()));
    }
  }

  /**
   * Makes sure a role owning a database of its own exists (Keycloak's store, for instance), with
   * full rights on it and none elsewhere.
   */
  public static void ensureOwnedDatabase(
      String superuserUrl, String superuser, String database, String owner, String password)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(superuserUrl, superuser, "");
        Statement st = c.createStatement()) {
      ensureRole(c, owner, password, "LOGIN NOSUPERUSER NOCREATEROLE");
      if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
        st.execute(
            "CREATE DATABASE "
                + ident(database)
                + " OWNER "
                + ident(owner)
                + " ENCODING 'UTF8' TEMPLATE template0");
      }
    }
  }

  private static void ensureRole(Connection c, String role, String password, String options)
      throws SQLException {
    String verb = exists(c, "select 1 from pg_roles where rolname = ?", role) ? "ALTER" : "CREATE";
    try (Statement st = c.createStatement()) {
      st.execute(verb + " ROLE " + ident(role) + " " + options + " PASSWORD " + literal(password));
    }
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static String ident(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Unsafe SQL identifier: " + name);
    }
    return name;
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String env(String key, String dflt) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? dflt : v;
  }
}
