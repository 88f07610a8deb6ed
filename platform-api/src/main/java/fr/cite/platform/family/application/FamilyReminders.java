package fr.cite.platform.family.application;

import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reminds households of documents that expire within 30 days, every six hours (each document once),
 * visiting only the towns whose family space is in use, one transaction per town.
 */
@ApplicationScoped
public class FamilyReminders {

  private static final Logger LOG = Logger.getLogger(FamilyReminders.class);

  @PersistenceContext EntityManager em;

  @Inject TenantWork work;

  @Inject FamilyFiles files;

  @Resource ManagedScheduledExecutorService scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (schedule == null) {
      schedule =
          scheduler.scheduleWithFixedDelay(
              this::remindAll, 2 * 60L, 6 * 60 * 60L, TimeUnit.SECONDS);
    }
  }

  private volatile java.util.concurrent.ScheduledFuture<?> schedule;

  /** The server's executor outlives the deployment: the reminders stop with it. */
  @jakarta.annotation.PreDestroy
  void stop() {
    java.util.concurrent.ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  /** The towns with a family space (platform data, no tenant needed). */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> towns() {
    return em.createNativeQuery(
            "select f.tenant_id, t.slug from family_town f join tenant t on t.id = f.tenant_id"
                + " order by f.tenant_id")
        .getResultList();
  }

  void remindAll() {
    try {
      int sent = 0;
      for (Object[] town : towns()) {
        TenantRef ref = new TenantRef(((Number) town[0]).longValue(), (String) town[1]);
        try {
          sent += work.runAs(ref, () -> files.remindExpiring(FamilyCalendars.today()));
        } catch (RuntimeException e) {
          LOG.warnf("Document reminders of %s failed: %s", ref.slug(), e.getMessage());
        }
      }
      if (sent > 0) {
        LOG.infof("Document reminders sent: %d", sent);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Document reminders skipped: %s", e.getMessage());
    }
  }
}
