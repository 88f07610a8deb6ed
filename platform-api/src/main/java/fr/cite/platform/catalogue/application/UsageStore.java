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
}
