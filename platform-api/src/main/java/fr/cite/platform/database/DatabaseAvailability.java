package fr.cite.platform.database;

import java.sql.SQLException;

/**
 * Whether PostgreSQL answers, as the last requests found out: a failure to reach it (refused,
 * reset, timed out, the pool unable to hand out a connection, a statement cancelled by its timeout)
 * marks it unavailable for a few seconds. Meanwhile what memory holds is served as it is (towns
 * already resolved, their catalogues, pages rendered for anonymous readers) and everything else is
 * answered 503 at once, without waiting on the database; the first request after the pause tries
 * again, so the platform recovers by itself when PostgreSQL comes back.
 *
 * <p>Static, like the database itself is one for the node: caches that are not CDI beans consult it
 * too.
 */
public final class DatabaseAvailability {

  /** How long a failure is trusted before the database is tried again. */
  public static final long PAUSE_MILLIS = 3_000;

  private static volatile long unavailableUntil;

  private DatabaseAvailability() {}

  /** True while a recent failure says PostgreSQL does not answer. */
  public static boolean knownUnavailable() {
    return System.currentTimeMillis() < unavailableUntil;
  }

  /** Records that PostgreSQL did not answer just now. */
  public static void failed() {
    unavailableUntil = System.currentTimeMillis() + PAUSE_MILLIS;
  }

  /** Records that PostgreSQL answered. */
  public static void answered() {
    unavailableUntil = 0;
  }

  /**
   * True when a failure means the database could not be reached or did not answer in time, rather
   * than a bug or a refused statement: SQL states of class 08 (connection), 57P0x (shutting down,
   * cannot connect now), 57014 (cancelled by the statement timeout), socket errors, and the pool
   * unable to get a connection.
   */
  public static boolean isUnavailability(Throwable e) {
    // Only failures reported by the database layer count: a browser that closes its connection
    // (a socket error too) says nothing about PostgreSQL.
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String message = c.getMessage() == null ? "" : c.getMessage();
      if (c instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("57P")
            || state.equals("57014")
            || sql.getCause() instanceof java.net.SocketException
            || sql.getCause() instanceof java.net.SocketTimeoutException
            || sql.getCause() instanceof java.io.EOFException
            || (sql.getNextException() != null
                && sql.getNextException() != sql
                && isUnavailability(sql.getNextException()))) {
          return true;
        }
      }
      // IronJacamar: IJ000453 unable to get a managed connection, IJ000655 none available within
      // the blocking timeout, IJ031019/IJ031084 the connection cannot be obtained or created.
      if (message.contains("IJ000453")
          || message.contains("IJ000655")
          || message.contains("IJ031019")
          || message.contains("IJ031084")) {
        return true;
      }
      if (c.getClass().getName().startsWith("jakarta.resource.")) {
        return true;
      }
    }
    return false;
  }
}
