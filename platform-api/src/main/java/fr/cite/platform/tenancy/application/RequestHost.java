package fr.cite.platform.tenancy.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/** What the tenant filter learnt of the current request: its host and the reader's language. */
@RequestScoped
public class RequestHost {

  private HostResolution resolution = new HostResolution.Unknown("");
  private Locale locale = Locale.FRENCH;

  public HostResolution resolution() {
    return resolution;
  }

  public void resolved(HostResolution resolution, Locale locale) {
    this.resolution = resolution;
    this.locale = locale;
  }

  public boolean isPlatform() {
    return resolution instanceof HostResolution.Platform;
  }

  /** The town being served, if the host designates one that is not suspended. */
  public java.util.Optional<TenantSnapshot> town() {
    return resolution instanceof HostResolution.Town t
        ? java.util.Optional.of(t.tenant())
        : java.util.Optional.empty();
  }

  public Locale locale() {
    return locale;
  }
}
