package fr.cite.platform.incidents.application;

import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.LocalMetres;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * A town's figures on reports, each one grouped query of its own rows: reports per category and
 * week, the median time to resolve per service, and where reports come from (counts per square of
 * 250 m, for the heat map and its table).
 */
@ApplicationService
public class IncidentDashboard {

  /** Side of a heat-map square, in metres. */
  public static final int SQUARE_M = 250;

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject IncidentSetup setup;

  /** Reports filed in a week (Monday, Europe/Paris) in a main category. */
  public record Week(LocalDate monday, String category, long reports) {}

  /** How long a service takes to resolve reports. */
  public record ServiceDelay(
      String service, long resolved, Double medianDays, long open, long overdue) {}

  /** A square of the town and the reports filed in it. */
  public record Square(double lat, double lon, long reports) {}

  /**
   * Reports per main category (a leaf counts for its parent) and week, over the last {@code weeks}
   * weeks; weeks with none are left out.
   */
  public List<Week> weeks(int weeks) {
    List<?> rows =
        em.createNativeQuery(
                "select cast(date_trunc('week', i.created_at at time zone 'Europe/Paris') as"
                    + " date), coalesce(p.name_fr, c.name_fr), count(*) from incident i join"
                    + " incident_category c on c.tenant_id = i.tenant_id and c.id = i.category_id"
                    + " left join incident_category p on p.tenant_id = c.tenant_id and p.id ="
                    + " c.parent_id where i.tenant_id = ?1 and i.created_at >= date_trunc('week',"
                    + " now() at time zone 'Europe/Paris') - make_interval(weeks => ?2) group by"
                    + " 1, 2 order by 1, 2")
            .setParameter(1, tenant.require().id())
            .setParameter(2, weeks - 1)
            .getResultList();
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              return new Week(
                  r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                  (String) r[1],
                  ((Number) r[2]).longValue());
            })
        .toList();
  }

  /**
   * Per service (the front desk as null): reports resolved in the last {@code days} days and their
   * median time from filing to resolution, reports open now and those open past their category's
   * expected delay.
   */
  public List<ServiceDelay> delays(int days) {
    List<?> rows =
        em.createNativeQuery(
                "select s.name_fr, count(*) filter (where i.closed_at >= now() -"
                    + " make_interval(days => ?2) and i.status in ('RESOLVED', 'UNDER_WATCH')),"
                    + " percentile_cont(0.5) within group (order by cast(extract(epoch from"
                    + " i.closed_at - i.created_at) as float8) / 86400) filter (where i.closed_at >= now() -"
                    + " make_interval(days => ?2) and i.status in ('RESOLVED', 'UNDER_WATCH')),"
                    + " count(*) filter (where i.closed_at is null), count(*) filter (where"
                    + " i.closed_at is null and c.expected_days is not null and i.created_at <"
                    + " now() - make_interval(days => c.expected_days)) from incident i join"
                    + " incident_category c on c.tenant_id = i.tenant_id and c.id = i.category_id"
                    + " left join incident_service s on s.tenant_id = i.tenant_id and s.id ="
                    + " i.service_id where i.tenant_id = ?1 and (i.closed_at is null or"
                    + " i.closed_at >= now() - make_interval(days => ?2)) group by s.name_fr order"
                    + " by s.name_fr nulls first")
            .setParameter(1, tenant.require().id())
            .setParameter(2, days)
            .getResultList();
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              return new ServiceDelay(
                  (String) r[0],
                  ((Number) r[1]).longValue(),
                  r[2] == null ? null : ((Number) r[2]).doubleValue(),
                  ((Number) r[3]).longValue(),
                  ((Number) r[4]).longValue());
            })
        .toList();
  }

  /**
   * The squares of {@value #SQUARE_M} m where reports were filed in the last {@code days} days, the
   * busiest first, {@code limit} at most; each square's centre in WGS84.
   */
  public List<Square> squares(int days, int limit) {
    LocalMetres plane = setup.plane();
    List<?> rows =
        em.createNativeQuery(
                "select floor(x / ?3), floor(y / ?3), count(*) from incident where tenant_id = ?1"
                    + " and created_at >= now() - make_interval(days => ?2) group by 1, 2 order by"
                    + " 3 desc, 1, 2 limit ?4")
            .setParameter(1, tenant.require().id())
            .setParameter(2, days)
            .setParameter(3, (double) SQUARE_M)
            .setParameter(4, limit)
            .getResultList();
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              double x = (((Number) r[0]).doubleValue() + 0.5) * SQUARE_M;
              double y = (((Number) r[1]).doubleValue() + 0.5) * SQUARE_M;
              GeoPoint p =
                  new GeoPoint(plane.lat0() + y / plane.ky(), plane.lon0() + x / plane.kx());
              return new Square(p.lat(), p.lon(), ((Number) r[2]).longValue());
            })
        .toList();
  }
}
