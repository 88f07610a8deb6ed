package fr.cite.platform.catalogue.application;

import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * What the town's dashboard shows of how citizens use its catalogue: activity per day, the most
 * viewed procedures, and the searches that found nothing (what the catalogue lacks). One query
 * each, with an explicit tenant condition (native SQL) on top of row-level security.
 */
@ApplicationService
public class UsageReport {

  /** Page views and e-service starts of one day. */
  public record Day(LocalDate day, long views, long starts) {}

  /** A procedure and its use over the period. */
  public record ProcedureUse(String slug, String title, long views, long starts) {}

  /** A search that found nothing, and how often it was made. */
  public record Miss(String query, long count) {}

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  /** Every day of the last {@code days} days, today included, zero where nothing happened. */
  @SuppressWarnings("unchecked")
  public List<Day> activity(int days) {
    LocalDate today = LocalDate.now(CatalogueQueries.TOWN_ZONE);
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(d as date), coalesce(sum(u.views), 0), coalesce(sum(u.starts), 0)"
                    + " from generate_series(cast(?2 as date), cast(?3 as date), interval '1 day') d"
                    + " left join catalogue_usage u on u.day = cast(d as date) and u.tenant_id = ?1"
                    + " group by d order by d")
            .setParameter(1, tenant.require().id())
            .setParameter(2, Date.valueOf(today.minusDays(days - 1L)))
            .setParameter(3, Date.valueOf(today))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Day(
                    ((Date) r[0]).toLocalDate(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  public List<ProcedureUse> mostViewed(int days, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.slug, p.title_fr, sum(u.views), sum(u.starts)"
                    + " from catalogue_usage u join catalogue_procedure p"
                    + " on p.id = u.procedure_id and p.tenant_id = u.tenant_id"
                    + " where u.tenant_id = ?1 and u.day >= ?2"
                    + " group by p.slug, p.title_fr order by sum(u.views) desc, p.slug limit ?3")
            .setParameter(1, tenant.require().id())
            .setParameter(
                2, Date.valueOf(LocalDate.now(CatalogueQueries.TOWN_ZONE).minusDays(days - 1L)))
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ProcedureUse(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  public List<Miss> searchesWithoutResults(int days, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.query, sum(m.count) from catalogue_search_miss m"
                    + " where m.tenant_id = ?1 and m.day >= ?2"
                    + " group by m.query order by sum(m.count) desc, m.query limit ?3")
            .setParameter(1, tenant.require().id())
            .setParameter(
                2, Date.valueOf(LocalDate.now(CatalogueQueries.TOWN_ZONE).minusDays(days - 1L)))
            .setParameter(3, limit)
            .getResultList();
    return rows.stream().map(r -> new Miss((String) r[0], ((Number) r[1]).longValue())).toList();
  }
}
