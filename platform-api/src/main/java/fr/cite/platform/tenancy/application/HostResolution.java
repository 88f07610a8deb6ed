package fr.cite.platform.tenancy.application;

/** What a request's host designates. */
public sealed interface HostResolution {

  /** A town whose portal is served. */
  record Town(TenantSnapshot tenant) implements HostResolution {}

  /** A town the provider suspended: a clear "service suspended" page, never its data. */
  record Suspended(TenantSnapshot tenant) implements HostResolution {}

  /** The platform's own host (the bare base domain): landing page and provider API. */
  record Platform() implements HostResolution {}

  /** Any other host: the platform's landing page with a 404, and 404 problem JSON on the API. */
  record Unknown(String host) implements HostResolution {}
}
