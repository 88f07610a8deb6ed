package fr.cite.platform.incidents.domain;

import java.util.List;

/**
 * An area of the town drawn on the map (a district, a roads sector), as a polygon of WGS84 points;
 * a point on its edge is inside, as PostgreSQL's {@code polygon @> point} says.
 */
public record Sector(long id, String name, List<GeoPoint> outline) {

  public Sector {
    outline = List.copyOf(outline);
    if (outline.size() < 3) {
      throw new IllegalArgumentException("A sector has three points at least");
    }
  }

  /** Ray casting, with the edges counted inside. */
  public boolean contains(GeoPoint p) {
    boolean inside = false;
    int n = outline.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      GeoPoint a = outline.get(i);
      GeoPoint b = outline.get(j);
      if (onSegment(p, a, b)) {
        return true;
      }
      if ((a.lat() > p.lat()) != (b.lat() > p.lat())
          && p.lon() < (b.lon() - a.lon()) * (p.lat() - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
        inside = !inside;
      }
    }
    return inside;
  }

  private static boolean onSegment(GeoPoint p, GeoPoint a, GeoPoint b) {
    double cross =
        (b.lon() - a.lon()) * (p.lat() - a.lat()) - (b.lat() - a.lat()) * (p.lon() - a.lon());
    if (Math.abs(cross) > 1e-12) {
      return false;
    }
    return p.lon() >= Math.min(a.lon(), b.lon()) - 1e-12
        && p.lon() <= Math.max(a.lon(), b.lon()) + 1e-12
        && p.lat() >= Math.min(a.lat(), b.lat()) - 1e-12
        && p.lat() <= Math.max(a.lat(), b.lat()) + 1e-12;
  }
}
