package fr.cite.platform.incidents.domain;

/**
 * A position in WGS84 degrees, as a phone or a map gives it. A latitude outside [-90, 90], a
 * longitude outside [-180, 180], or a value that is not a number is refused.
 */
public record GeoPoint(double lat, double lon) {

  public GeoPoint {
    if (!Double.isFinite(lat)
        || !Double.isFinite(lon)
        || Math.abs(lat) > 90
        || Math.abs(lon) > 180) {
      throw new IllegalArgumentException("Not a position: " + lat + ", " + lon);
    }
  }

  /** Whether it can be made (for checking input before making it). */
  public static boolean valid(double lat, double lon) {
    return Double.isFinite(lat)
        && Double.isFinite(lon)
        && Math.abs(lat) <= 90
        && Math.abs(lon) <= 180;
  }

  /**
   * As shown publicly: five decimals (about a metre), so that a report's point is never more
   * precise than a street number needs.
   */
  public GeoPoint rounded() {
    return new GeoPoint(Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5);
  }
}
