package fr.cite.platform.incidents.application;

import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.Outline;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Communes' outlines (the platform's, not a town's): where a town's reports may lie, and which
 * commune a point outside it falls in, so that the refusal names it. A bounding-box condition on
 * plain columns first, the polygon then.
 */
@ApplicationService
public class CommuneOutlines {

  @PersistenceContext EntityManager em;

  /** A commune and its outline. */
  public record Found(String inseeCode, String name, Outline outline) {}

  public void put(String inseeCode, String name, Outline outline) {
    em.createNativeQuery(
            "insert into commune_outline (insee_code, name, area, min_lat, max_lat, min_lon,"
                + " max_lon, outline, updated_at) values (?1, ?2, cast(?3 as polygon), ?4, ?5, ?6,"
                + " ?7, cast(?8 as jsonb), now()) on conflict (insee_code) do update set name ="
                + " excluded.name, area = excluded.area, min_lat = excluded.min_lat, max_lat ="
                + " excluded.max_lat, min_lon = excluded.min_lon, max_lon = excluded.max_lon,"
                + " outline = excluded.outline, updated_at = now()")
        .setParameter(1, inseeCode)
        .setParameter(2, name)
        .setParameter(3, outline.polygonDegrees())
        .setParameter(4, outline.minLat())
        .setParameter(5, outline.maxLat())
        .setParameter(6, outline.minLon())
        .setParameter(7, outline.maxLon())
        .setParameter(8, outline.ringJson())
        .executeUpdate();
  }

  public Optional<Found> of(String inseeCode) {
    List<?> rows =
        em.createNativeQuery(
                "select insee_code, name, cast(outline as text) from commune_outline"
                    + " where insee_code = ?1")
            .setParameter(1, inseeCode)
            .getResultList();
    return rows.stream().map(r -> found((Object[]) r)).findFirst();
  }

  /** The commune whose outline holds the point, if the platform knows it. */
  public Optional<Found> containing(GeoPoint p) {
    List<?> rows =
        em.createNativeQuery(
                "select insee_code, name, cast(outline as text) from commune_outline"
                    + " where min_lat <= ?1 and max_lat >= ?1 and min_lon <= ?2 and max_lon >= ?2"
                    + " and area @> point(?2, ?1) order by insee_code limit 1")
            .setParameter(1, p.lat())
            .setParameter(2, p.lon())
            .getResultList();
    return rows.stream().map(r -> found((Object[]) r)).findFirst();
  }

  private static Found found(Object[] r) {
    return new Found((String) r[0], (String) r[1], Outline.ofRingJson((String) r[2]));
  }
}
