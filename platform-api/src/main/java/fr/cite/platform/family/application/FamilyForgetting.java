package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Guardian;
import fr.cite.platform.requests.application.CitizenForgotten;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

/**
 * A citizen forgotten in a town (or whose account is deleted) leaves the household they were an
 * adult of: their account no longer sees it and their name and e-mail are removed. The household,
 * its children and their bookings stay, for the other adult and for the town's accounts (billing).
 */
@ApplicationService
public class FamilyForgetting {

  private static final Logger LOG = Logger.getLogger(FamilyForgetting.class);

  @PersistenceContext EntityManager em;

  void on(@Observes CitizenForgotten event) {
    for (Guardian g :
        em.createQuery("select g from Guardian g where g.subject = :s", Guardian.class)
            .setParameter("s", event.subject())
            .getResultList()) {
      g.forget();
      LOG.infof("Guardian %d of household %d forgotten", g.id(), g.householdId());
    }
  }
}
