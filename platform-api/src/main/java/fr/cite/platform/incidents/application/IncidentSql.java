package fr.cite.platform.incidents.application;

import jakarta.persistence.Query;
import java.util.List;

/** Small helpers for the module's native SQL (its tables are not mapped). */
final class IncidentSql {

  private IncidentSql() {}

  /** The rows of a query of several columns. */
  static List<Object[]> rows(Query q) {
    List<?> rows = q.getResultList();
    return rows.stream().map(o -> (Object[]) o).toList();
  }

  /** The values of a query of one column. */
  static List<Object> values(Query q) {
    List<?> rows = q.getResultList();
    return rows.stream().map(o -> (Object) o).toList();
  }

  static Long longOrNull(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }

  static Integer intOrNull(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }

  static java.time.Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof java.time.Instant i) {
      return i;
    }
    if (o instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalArgumentException("Not a timestamp: " + o.getClass());
  }
}
