package fr.cite.platform.tenancy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Towns, read and stored by platform code (not subject to a tenant). */
public interface TenantRepository {

  Optional<Tenant> findById(long id);

  Optional<Tenant> findBySlug(String slug);

  Optional<Tenant> findByInseeCode(String inseeCode);

  /** The town that verified this custom domain, if any. */
  Optional<Tenant> findByVerifiedDomain(String host);

  /** Verified custom domains of several towns at once, by town id (one query). */
  Map<Long, List<String>> listVerifiedDomains(Collection<Long> tenantIds);

  /** A page of towns ordered by name, optionally filtered by status. */
  List<Tenant> list(TenantStatus status, int offset, int limit);

  long count(TenantStatus status);

  /** Stores a new town and flushes, so that a duplicate fails here and not at commit. */
  Tenant store(Tenant tenant);

  TenantDomain store(TenantDomain domain);

  /** One page of the towns a query selects, in its order. */
  java.util.List<Tenant> search(TownQuery query, int offset, int limit);

  long count(TownQuery query);
}
