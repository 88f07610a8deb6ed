package fr.cite.platform.tenancy.domain;

/** Where a town stands with the platform. */
public enum TenantStatus {
  /** Onboarded, trying the platform: the portal is served. */
  TRIAL,
  /** In production. */
  LIVE,
  /** Stopped by the provider: the portal shows a "service suspended" page, the API answers 503. */
  SUSPENDED;

  public boolean serves() {
    return this != SUSPENDED;
  }
}
