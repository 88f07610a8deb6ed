package fr.cite.platform.tenancy.application;

/**
 * What a town needs before its first request is served (its starter content and identity, for a
 * town registered in bulk): called by the tenant filter, implemented above tenancy by the towns'
 * workflows, so that tenancy depends on none of them.
 */
public interface FirstVisit {

  /** Makes sure the town is provisioned; returns at once when it is. */
  void ensure(TenantSnapshot town);
}
