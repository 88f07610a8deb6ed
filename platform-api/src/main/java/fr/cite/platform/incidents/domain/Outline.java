package fr.cite.platform.incidents.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A closed outline (a commune, a sector) as GeoJSON gives it: a ring of {@code [longitude,
 * latitude]} pairs, closed or not, three distinct points at least, 5,000 at most (a simplified
 * boundary). Written for PostgreSQL as a built-in {@code polygon}, in degrees or in the town's
 * plane.
 */
public record Outline(List<GeoPoint> points) {

  public static final int MAX_POINTS = 5000;

  public Outline {
    points = List.copyOf(points);
    if (points.size() < 3 || points.size() > MAX_POINTS) {
      throw new IllegalArgumentException("An outline has 3 to " + MAX_POINTS + " points");
    }
  }

  /** From a GeoJSON ring; a last point equal to the first is dropped. */
  public static Outline ofRing(List<List<Double>> ring) {
    if (ring == null) {
      throw new IllegalArgumentException("No ring");
    }
    List<GeoPoint> points = new ArrayList<>();
    for (List<Double> pair : ring) {
      if (pair == null || pair.size() < 2 || pair.get(0) == null || pair.get(1) == null) {
        throw new IllegalArgumentException("A position is [longitude, latitude]");
      }
      if (!GeoPoint.valid(pair.get(1), pair.get(0))) {
        throw new IllegalArgumentException("Not a position: " + pair);
      }
      points.add(new GeoPoint(pair.get(1), pair.get(0)));
    }
    if (points.size() > 1 && points.get(0).equals(points.get(points.size() - 1))) {
      points.remove(points.size() - 1);
    }
    return new Outline(points);
  }

  public double minLat() {
    return points.stream().mapToDouble(GeoPoint::lat).min().orElseThrow();
  }

  public double maxLat() {
    return points.stream().mapToDouble(GeoPoint::lat).max().orElseThrow();
  }

  public double minLon() {
    return points.stream().mapToDouble(GeoPoint::lon).min().orElseThrow();
  }

  public double maxLon() {
    return points.stream().mapToDouble(GeoPoint::lon).max().orElseThrow();
  }

  /** Its middle (of the bounding box), the town's reference point when it has no other. */
  public GeoPoint centre() {
    return new GeoPoint((minLat() + maxLat()) / 2, (minLon() + maxLon()) / 2);
  }

  public boolean contains(GeoPoint p) {
    return new Sector(0, "", points).contains(p);
  }

  /** A {@code polygon} literal in degrees: x = longitude, y = latitude. */
  public String polygonDegrees() {
    StringBuilder s = new StringBuilder("(");
    for (GeoPoint p : points) {
      s.append(s.length() > 1 ? "," : "")
          .append(String.format(Locale.ROOT, "(%.7f,%.7f)", p.lon(), p.lat()));
    }
    return s.append(')').toString();
  }

  /** A {@code polygon} literal in the town's plane (metres). */
  public String polygonMetres(LocalMetres plane) {
    StringBuilder s = new StringBuilder("(");
    for (GeoPoint p : points) {
      s.append(s.length() > 1 ? "," : "")
          .append(String.format(Locale.ROOT, "(%.3f,%.3f)", plane.x(p), plane.y(p)));
    }
    return s.append(')').toString();
  }

  /** As GeoJSON's ring (closed), for the map. */
  public String ringJson() {
    StringBuilder s = new StringBuilder("[");
    for (GeoPoint p : points) {
      s.append(s.length() > 1 ? "," : "")
          .append(String.format(Locale.ROOT, "[%.7f,%.7f]", p.lon(), p.lat()));
    }
    GeoPoint first = points.get(0);
    s.append(String.format(Locale.ROOT, ",[%.7f,%.7f]", first.lon(), first.lat()));
    return s.append(']').toString();
  }

  /** Back from {@link #ringJson()}. */
  public static Outline ofRingJson(String json) {
    try (jakarta.json.JsonReader r =
        jakarta.json.Json.createReader(new java.io.StringReader(json))) {
      List<List<Double>> ring = new ArrayList<>();
      for (jakarta.json.JsonValue v : r.readArray()) {
        jakarta.json.JsonArray pair = v.asJsonArray();
        ring.add(List.of(pair.getJsonNumber(0).doubleValue(), pair.getJsonNumber(1).doubleValue()));
      }
      return ofRing(ring);
    }
  }
}
