package fr.cite.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseAvailabilityTest {

  @Test
  void connectionFailuresAndTimeoutsMeanTheDatabaseDoesNotAnswer() {
    assertTrue(
        DatabaseAvailability.isUnavailability(
            new RuntimeException(new SQLException("Connection refused", "08001"))));
    assertTrue(DatabaseAvailability.isUnavailability(new SQLException("shutting down", "57P01")));
    assertTrue(
        DatabaseAvailability.isUnavailability(
            new SQLException("canceling statement due to statement timeout", "57014")));
    assertTrue(
        DatabaseAvailability.isUnavailability(
            new SQLException(
                "I/O", "XX000", new java.net.SocketTimeoutException("Read timed out"))));
    assertTrue(
        DatabaseAvailability.isUnavailability(
            new IllegalStateException(
                "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection")));
    BatchUpdateException batch =
        new BatchUpdateException("Batch entry 0 was aborted", null, 0, null);
    batch.setNextException(new SQLException("terminating connection", "08006"));
    assertTrue(DatabaseAvailability.isUnavailability(new RuntimeException(batch)));
  }

  @Test
  void refusedStatementsAndClientsThatHangUpAreNotOutages() {
    assertFalse(
        DatabaseAvailability.isUnavailability(
            new SQLException("duplicate key value violates unique constraint", "23505")));
    assertFalse(DatabaseAvailability.isUnavailability(new java.net.SocketException("Broken pipe")));
    assertFalse(
        DatabaseAvailability.isUnavailability(new java.io.IOException("Connection reset by peer")));
    assertFalse(DatabaseAvailability.isUnavailability(new IllegalArgumentException("bug")));
  }
}
