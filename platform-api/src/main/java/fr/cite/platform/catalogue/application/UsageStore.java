package fr.cite.platform.catalogue.application;

import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.util.List;

/** Adds usage counts of the current town, skipping procedures deleted in the meantime. */
@ApplicationService
public class UsageStore {

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  public Void add(List<UsageCounter.Increment> increments) {
    long town = tenant.require().id();
    for (UsageCounter.Increment i : increments) {
      em.createNativeQuery(
              "insert into catalogue_usage (tenant_id, procedure_id, day, views, starts)"
                  + " select ?1, p.id, ?3, ?4, ?5 from catalogue_procedure p"
                  + " where p.tenant_id = ?1 and p.id = ?2"
                  + " on conflict (tenant_id, procedure_id, day) do update"
                  + " set views = catalogue_usage.views + excluded.views,"
                  + " starts = catalogue_usage.starts + excluded.starts")
          .setParameter(1, town)
          .setParameter(2, i.procedureId())
          .setParameter(3, Date.valueOf(i.day()))
          .setParameter(4, (int) i.views())
          .setParameter(5, (int) i.starts())
          .executeUpdate();
    }
    return null;
  }

  /** Searches without results to add, per folded query and day. */
  public record MissIncrement(String query, java.time.LocalDate day, long count) {}

  public Void addMisses(List<MissIncrement> increments) {
    long town = tenant.require().id();
    for (MissIncrement i : increments) {
      em.createNativeQuery(
              "insert into catalogue_search_miss (tenant_id, query, day, count) values (?1, ?2, ?3, ?4)"
                  + " on conflict (tenant_id, query, day) do update"
                  + " set count = catalogue_search_miss.count + excluded.count")
          .setParameter(1, town)
          .setParameter(2, i.query())
          .setParameter(3, Date.valueOf(i.day()))
          .setParameter(4, (int) i.count())
          .executeUpdate();
    }
    return null;
  }
}
