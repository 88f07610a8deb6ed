package fr.cite.platform.requests.application;

import fr.cite.platform.identity.application.TownIdentity;
import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A citizen deletes their account: in every town where they filed requests (one transaction per
 * town, as that town), the requests are anonymised and drafts deleted; then the sign-in account is
 * deleted from the identity provider. A town that failed is logged and the account kept, so that
 * the citizen can try again and nothing is left pointing to an account that no longer exists.
 */
@ApplicationScoped
public class AccountDeletion {

  private static final Logger LOG = Logger.getLogger(AccountDeletion.class);

  @Inject TenantWork work;

  @Inject CitizenData data;

  @Inject TownIdentity identity;

  @Inject Towns towns;

  /** Returns how many requests were anonymised, all towns together. */
  public int delete(String subject) {
    int anonymised = 0;
    for (Object[] town : towns.of(subject)) {
      anonymised +=
          work.runAs(new TenantRef((Long) town[0], (String) town[1]), () -> data.forget(subject));
    }
    try {
      identity.deleteAccount(subject);
    } catch (fr.cite.platform.identity.application.IdentityUnavailableException e) {
      LOG.warnf("Account %s anonymised but not deleted: %s", subject, e.getMessage());
      throw new fr.cite.platform.problem.ProblemException(503, "account-deletion-unavailable");
    }
    towns.forget(subject);
    LOG.infof("Account %s deleted; %d request(s) anonymised", subject, anonymised);
    return anonymised;
  }

  /** The platform's index of where an account filed requests. */
  @ApplicationScoped
  @Transactional
  public static class Towns {

    @PersistenceContext EntityManager em;

    @SuppressWarnings("unchecked")
    List<Object[]> of(String subject) {
      return em
          .createNativeQuery(
              "select t.id, t.slug from citizen_town c join tenant t on t.id = c.tenant_id"
                  + " where c.subject = ?1")
          .setParameter(1, subject)
          .getResultList()
          .stream()
          .map(r -> new Object[] {((Number) ((Object[]) r)[0]).longValue(), ((Object[]) r)[1]})
          .toList();
    }

    void forget(String subject) {
      em.createNativeQuery("delete from citizen_town where subject = ?1")
          .setParameter(1, subject)
          .executeUpdate();
    }
  }
}
