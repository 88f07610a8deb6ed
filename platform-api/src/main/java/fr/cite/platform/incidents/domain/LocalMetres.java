package fr.cite.platform.incidents.domain;

/**
 * A town's plane in metres around a reference point (its town hall): {@code x = (lon - lon0) · kx},
 * {@code y = (lat - lat0) · ky}, with the metres per degree at the reference latitude. Within 20 km
 * of the reference the error stays under 0.5 %, so that nearest-first and "within 50 m" are right
 * where raw degrees would not be (a degree of longitude at 49.5° N is 72 km, of latitude 111 km).
 * PostgreSQL's built-in {@code point} and GiST index these coordinates.
 */
public record LocalMetres(double lat0, double lon0) {

  /** Metres per degree of latitude at the reference (WGS84, series to the 4th order). */
  public double ky() {
    double p = Math.toRadians(lat0);
    return 111_132.92
        - 559.82 * Math.cos(2 * p)
        + 1.175 * Math.cos(4 * p)
        - 0.0023 * Math.cos(6 * p);
  }

  /** Metres per degree of longitude at the reference. */
  public double kx() {
    double p = Math.toRadians(lat0);
    return 111_412.84 * Math.cos(p) - 93.5 * Math.cos(3 * p) + 0.118 * Math.cos(5 * p);
  }

  public double x(GeoPoint p) {
    return (p.lon() - lon0) * kx();
  }

  public double y(GeoPoint p) {
    return (p.lat() - lat0) * ky();
  }

  /** The distance in metres between two points of the town. */
  public double distance(GeoPoint a, GeoPoint b) {
    return Math.hypot(x(a) - x(b), y(a) - y(b));
  }
}
