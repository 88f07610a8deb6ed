package fr.cite.platform.towns.application;

import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.identity.application.TownIdentitySync;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.HostResolver;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.domain.DomainName;
import fr.cite.platform.tenancy.domain.TenantDomain;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The current town's custom domains: added pending with a token, verified when the town publishes
 * the token at {@code http://<domain>}{@value DomainCheck#PATH}, removed. Only verified domains
 * serve the portal (see {@link HostResolver}); a verified domain is also accepted by the identity
 * provider as a sign-in return address. {@code tenant_domain} is platform data: every query here
 * names the current town explicitly.
 */
@ApplicationService
public class TownDomains {

  /** Enough for a town's portal and a few aliases. */
  static final int MAX_PER_TOWN = 5;

  @PersistenceContext EntityManager em;

  @Inject TenantContext context;

  @Inject CiteConfig config;

  @Inject AuditLog audit;

  @Inject TenantDirectory directory;

  @Inject TownIdentitySync identity;

  private final Clock clock = Clock.systemUTC();

  public List<TenantDomain> list() {
    return em.createQuery(
            "select d from TenantDomain d where d.tenantId = :town order by d.host",
            TenantDomain.class)
        .setParameter("town", context.require().id())
        .getResultList();
  }

  /** Adds a pending domain; 422 for a name that is not a public host, 409 when taken. */
  public TenantDomain add(String typed) {
    String host =
        DomainName.normalise(typed)
            .orElseThrow(
                () -> ProblemException.unprocessable("domain-invalid", typed == null ? "" : typed));
    String base = config.baseDomain().toLowerCase(java.util.Locale.ROOT);
    if (host.equals(base) || host.endsWith("." + base)) {
      throw ProblemException.unprocessable("domain-of-the-platform", host, base);
    }
    Optional<TenantDomain> existing =
        em.createQuery("select d from TenantDomain d where d.host = :host", TenantDomain.class)
            .setParameter("host", host)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      throw ProblemException.conflict("domain-taken", host);
    }
    if (list().size() >= MAX_PER_TOWN) {
      throw ProblemException.unprocessable("domain-too-many", MAX_PER_TOWN);
    }
    TenantDomain domain = new TenantDomain(context.require().id(), host, clock.instant());
    em.persist(domain);
    audit.recordTownStaff("domain.added", host, "pending");
    return domain;
  }

  /** Checks the published token; 422 with what was found when it is not there. */
  public TenantDomain verify(long id) {
    TenantDomain domain = require(id);
    if (domain.verifiedAt().isPresent()) {
      return domain;
    }
    DomainCheck.Result result =
        new DomainCheck(config.lookupDomainCheckAddress()).fetch(domain.host());
    if (result.published().map(domain.verificationToken()::equals).orElse(false)) {
      domain.markVerified(clock.instant());
      em.flush();
      directory.evict();
      audit.recordTownStaff("domain.verified", domain.host(), "verified");
      identity.synchronise(context.require().slug());
      return domain;
    }
    String found =
        result.published().isPresent()
            ? "«" + abbreviate(result.published().get()) + "»"
            : result.problem();
    domain.checkFailed(found, clock.instant());
    throw ProblemException.unprocessable(
        "domain-not-verified", domain.host(), "http://" + domain.host() + DomainCheck.PATH, found);
  }

  public void remove(long id) {
    TenantDomain domain = require(id);
    em.remove(domain);
    em.flush();
    directory.evict();
    audit.recordTownStaff("domain.removed", domain.host(), null);
  }

  private TenantDomain require(long id) {
    TenantDomain d = em.find(TenantDomain.class, id);
    if (d == null || !d.tenantId().equals(context.require().id())) {
      throw ProblemException.notFound("domain-not-found", id);
    }
    return d;
  }

  private static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
  }
}
