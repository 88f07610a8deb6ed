package fr.cite.platform.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Positions, local metres and the statuses' transition table. */
class IncidentGeoTest {

  // Le Havre's town hall.
  static final LocalMetres LE_HAVRE = new LocalMetres(49.4938, 0.1077);

  @Test
  void badPositionsAreRefused() {
    for (double[] p :
        new double[][] {
          {Double.NaN, 0.1}, {49.5, Double.POSITIVE_INFINITY}, {1000, 0}, {-90.5, 0}, {0, 181}
        }) {
      assertThat(GeoPoint.valid(p[0], p[1])).isFalse();
      assertThatThrownBy(() -> new GeoPoint(p[0], p[1]))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(GeoPoint.valid(90, -180)).isTrue();
    assertThat(new GeoPoint(49.4938123, 0.1077987).rounded())
        .isEqualTo(new GeoPoint(49.49381, 0.1078));
  }

  @Test
  void localMetresGiveTrueDistancesWhereDegreesWouldNot() {
    // At 49.5° N a degree of longitude is about 72.5 km, of latitude about 111.2 km.
    assertThat(LE_HAVRE.kx()).isCloseTo(72_470, within(200.0));
    assertThat(LE_HAVRE.ky()).isCloseTo(111_215, within(100.0));
    GeoPoint hall = new GeoPoint(49.4938, 0.1077);
    // 0.001° east and 0.001° north are 72 m and 111 m: by degrees they would be the same.
    assertThat(LE_HAVRE.distance(hall, new GeoPoint(49.4938, 0.1087))).isCloseTo(72.5, within(0.5));
    assertThat(LE_HAVRE.distance(hall, new GeoPoint(49.4948, 0.1077)))
        .isCloseTo(111.2, within(0.5));
    // The haversine distance to Sainte-Adresse's church (about 3 km): within 0.5 %.
    GeoPoint far = new GeoPoint(49.5080, 0.0840);
    double haversine = haversine(hall, far);
    assertThat(LE_HAVRE.distance(hall, far)).isCloseTo(haversine, within(haversine * 0.005));
  }

  static double haversine(GeoPoint a, GeoPoint b) {
    double r = 6_371_008.8;
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }

  @Test
  void everyStatusIsOpenOrClosedForOpen311AndMovesAlongTheTable() {
    for (IncidentStatus s : IncidentStatus.values()) {
      assertThat(s.open311()).isIn("open", "closed");
      assertThat(s.next()).as(s.name()).isNotEmpty().doesNotContain(s, IncidentStatus.NEW);
      assertThat(s.label("fr")).isNotBlank();
      assertThat(s.label("en")).isNotBlank();
    }
    assertThat(IncidentStatus.NEW.open311()).isEqualTo("open");
    assertThat(IncidentStatus.RESOLVED.open311()).isEqualTo("closed");
    // Open: taken up, ended or sent back to the front desk.
    assertThat(IncidentStatus.NEW.canMoveTo(IncidentStatus.SCHEDULED)).isTrue();
    assertThat(IncidentStatus.IN_PROGRESS.canMoveTo(IncidentStatus.RESOLVED)).isTrue();
    assertThat(IncidentStatus.ACKNOWLEDGED.canMoveTo(IncidentStatus.TO_REQUALIFY)).isTrue();
    // Closed: only watched or reopened; a duplicate never resolves by itself.
    assertThat(IncidentStatus.RESOLVED.next())
        .isEqualTo(EnumSet.of(IncidentStatus.UNDER_WATCH, IncidentStatus.REOPENED));
    assertThat(IncidentStatus.DUPLICATE.next()).containsExactly(IncidentStatus.REOPENED);
    assertThat(IncidentStatus.REJECTED.canMoveTo(IncidentStatus.RESOLVED)).isFalse();
    // A reporter's "not fixed" reopens only what was resolved.
    assertThat(IncidentStatus.RESOLVED.reopenableByReporter()).isTrue();
    assertThat(IncidentStatus.REJECTED.reopenableByReporter()).isFalse();
    assertThat(IncidentStatus.REOPENED.open()).isTrue();
  }
}
