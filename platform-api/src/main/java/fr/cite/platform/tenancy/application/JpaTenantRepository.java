package fr.cite.platform.tenancy.application;

import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantDomain;
import fr.cite.platform.tenancy.domain.TenantRepository;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.tenancy.domain.TownQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** JPA implementation of {@link TenantRepository}; callers provide the transaction. */
@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<Tenant> findById(long id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  @Override
  public Optional<Tenant> findBySlug(String slug) {
    return em.createNamedQuery("Tenant.findBySlug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Tenant> findByInseeCode(String inseeCode) {
    return em.createNamedQuery("Tenant.findByInsee", Tenant.class)
        .setParameter("insee", inseeCode)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Tenant> findByVerifiedDomain(String host) {
    return em.createNamedQuery("Tenant.findByVerifiedDomain", Tenant.class)
        .setParameter("host", host)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Map<Long, List<String>> listVerifiedDomains(Collection<Long> tenantIds) {
    if (tenantIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "select d from TenantDomain d where d.tenantId in :ids and d.verifiedAt is not null"
                + " order by d.host",
            TenantDomain.class)
        .setParameter("ids", tenantIds)
        .getResultStream()
        .collect(
            Collectors.groupingBy(
                TenantDomain::tenantId,
                Collectors.mapping(TenantDomain::host, Collectors.toList())));
  }

  @Override
  public List<Tenant> list(TenantStatus status, int offset, int limit) {
    return em.createQuery(
            "select t from Tenant t where (:status is null or t.status = :status)"
                + " order by t.officialName, t.inseeCode",
            Tenant.class)
        .setParameter("status", status)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(TenantStatus status) {
    return em.createQuery(
            "select count(t) from Tenant t where (:status is null or t.status = :status)",
            Long.class)
        .setParameter("status", status)
        .getSingleResult();
  }

  @Override
  public Tenant store(Tenant tenant) {
    em.persist(tenant);
    em.flush();
    return tenant;
  }

  @Override
  public TenantDomain store(TenantDomain domain) {
    em.persist(domain);
    em.flush();
    return domain;
  }

  private static final String WHERE =
      " where (:status is null or t.status = :status)"
          + " and (:departement is null or t.departementCode = :departement)"
          + " and (:minPopulation is null or t.population >= :minPopulation)"
          + " and (:maxPopulation is null or t.population <= :maxPopulation)"
          + " and (:name is null or t.slug like :name or t.inseeCode = :code)";

  @Override
  public List<Tenant> search(TownQuery q, int offset, int limit) {
    String order =
        q.sort().path()
            + (q.descending() ? " desc nulls last" : " asc nulls last")
            + ", t.officialName, t.inseeCode";
    return bind(
            em.createQuery("select t from Tenant t" + WHERE + " order by " + order, Tenant.class),
            q)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(TownQuery q) {
    return bind(em.createQuery("select count(t) from Tenant t" + WHERE, Long.class), q)
        .getSingleResult();
  }

  /** The name filter matches any part of the slug (accents and case folded) or the INSEE code. */
  private static <T> jakarta.persistence.TypedQuery<T> bind(
      jakarta.persistence.TypedQuery<T> query, TownQuery q) {
    String folded = q.name() == null ? null : fr.cite.platform.communes.Slugs.fold(q.name());
    return query
        .setParameter("status", q.status())
        .setParameter("departement", q.departement())
        .setParameter("minPopulation", q.minPopulation())
        .setParameter("maxPopulation", q.maxPopulation())
        .setParameter("name", folded == null ? null : "%" + folded + "%")
        .setParameter("code", q.name());
  }
}
