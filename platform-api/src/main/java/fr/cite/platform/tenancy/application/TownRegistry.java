package fr.cite.platform.tenancy.application;

import fr.cite.platform.communes.Commune;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.domain.Branding;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantRepository;
import fr.cite.platform.tenancy.domain.TenantStatus;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The platform's register of towns: adds, lists and changes towns, each in one transaction. */
@ApplicationService
public class TownRegistry {

  @jakarta.persistence.PersistenceContext jakarta.persistence.EntityManager em;

  private static final Logger LOG = Logger.getLogger(TownRegistry.class);
  private static final String UNIQUE_VIOLATION = "23505";

  @Inject TenantRepository tenants;

  @Inject TenantDirectory directory;

  private final Clock clock = Clock.systemUTC();

  /**
   * Adds a town for a current commune. Fails with 409 when the commune is already a town; two
   * concurrent calls for one commune yield one town: they take turns on a transaction lock of the
   * commune, so the second sees the first's town and answers 409 without ever hitting the unique
   * key (which stays as the last guard, e.g. for a slug taken by another commune).
   */
  public Tenant register(Commune commune, String slug, TenantStatus initial) {
    em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
        .setParameter(1, "cite.tenant.insee:" + commune.inseeCode())
        .getSingleResult();
    tenants
        .findByInseeCode(commune.inseeCode())
        .ifPresent(
            t -> {
              throw alreadyOnboarded(commune);
            });
    try {
      Tenant stored = tenants.store(Tenant.onboard(commune, slug, initial, clock.instant()));
      LOG.infof(
          "Registered town %s (INSEE %s) as %s, status %s",
          commune.name(), commune.inseeCode(), slug, initial);
      return stored;
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw alreadyOnboarded(commune);
      }
      throw e;
    }
  }

  public void markProvisioned(long tenantId) {
    Tenant t = require(tenantId);
    t.markProvisioned(clock.instant());
  }

  /**
   * Records the town's identity as in sync, unless the town changed meanwhile (its identity is then
   * still to be synchronised with the newer state).
   */
  public void identitySynced(long tenantId, String organizationId, java.time.Instant basedOn) {
    Tenant t = require(tenantId);
    if (t.updatedAt().equals(basedOn)) {
      t.identitySynced(organizationId, clock.instant());
    }
  }

  public void identityPending(long tenantId, String error) {
    require(tenantId).identityPending(error);
  }

  /** Slugs of towns by id, for lists that show which town a row is about. */
  public Map<Long, String> slugsOf(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("select t.id, t.slug from Tenant t where t.id in :ids", Object[].class)
        .setParameter("ids", java.util.Set.copyOf(ids))
        .getResultStream()
        .collect(java.util.stream.Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
  }

  public Optional<Tenant> find(String slug) {
    return tenants.findBySlug(slug);
  }

  public boolean exists(String slug) {
    return find(slug).isPresent();
  }

  public Tenant findBySlug(String slug) {
    return tenants
        .findBySlug(slug)
        .orElseThrow(() -> ProblemException.notFound("town-not-found", slug));
  }

  public Map<Long, List<String>> verifiedDomains(Collection<Long> tenantIds) {
    return tenants.listVerifiedDomains(tenantIds);
  }

  public TownPage list(TenantStatus status, int page, int size) {
    return new TownPage(tenants.list(status, page * size, size), tenants.count(status), page, size);
  }

  /** One page of the towns a query selects, in its order. */
  public List<Tenant> list(fr.cite.platform.tenancy.domain.TownQuery query, int offset, int limit) {
    return tenants.search(query, offset, limit);
  }

  /** How many towns a query selects. */
  public long count(fr.cite.platform.tenancy.domain.TownQuery query) {
    return tenants.count(query);
  }

  /** Gives a town new colours; its pages use them at once on this node. */
  public Tenant rebrand(String slug, Branding branding) {
    Tenant t = findBySlug(slug);
    t.rebrand(branding, clock.instant());
    directory.evict();
    return t;
  }

  /** Sets the portal's default language; 400 unless {@code fr} or {@code en}. */
  public Tenant changeDefaultLanguage(String slug, String language) {
    if (!"fr".equals(language) && !"en".equals(language)) {
      throw ProblemException.badRequest("bad-parameter", "language", "fr, en");
    }
    Tenant t = findBySlug(slug);
    t.changeDefaultLocale(language, clock.instant());
    directory.evict();
    return t;
  }

  /** Suspends a town: its portal shows "service suspended" at once on this node. */
  public Tenant suspend(String slug, String reason) {
    Tenant t = findBySlug(slug);
    t.suspend(reason, clock.instant());
    LOG.infof("Suspended town %s: %s", slug, reason);
    directory.evict();
    return t;
  }

  public Tenant reactivate(String slug, TenantStatus to) {
    Tenant t = findBySlug(slug);
    t.reactivate(to, clock.instant());
    LOG.infof("Town %s is now %s", slug, to);
    directory.evict();
    return t;
  }

  private Tenant require(long id) {
    return tenants.findById(id).orElseThrow(() -> ProblemException.notFound("town-not-found", id));
  }

  private static ProblemException alreadyOnboarded(Commune commune) {
    return ProblemException.conflict("town-already-onboarded", commune.name(), commune.inseeCode());
  }

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A page of towns and the total count. */
  public record TownPage(List<Tenant> items, long total, int page, int size) {}
}
