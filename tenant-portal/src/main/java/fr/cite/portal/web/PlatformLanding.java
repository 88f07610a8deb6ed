package fr.cite.portal.web;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.application.TownRegistry;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.tenancy.web.TenantFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The platform's own landing page: what Cité is, and the towns served (live ones first). */
@Named("landing")
@RequestScoped
public class PlatformLanding {

  /** A town's name and address on the platform. */
  public record TownLink(String name, String url) {}

  @Inject TownRegistry registry;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  private List<TownLink> towns;
  private long liveCount = -1;

  /** The host that matched no town, when the page is shown for one. */
  public String getUnknownHost() {
    Object host =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(TenantFilter.UNKNOWN_HOST_ATTRIBUTE);
    return host == null ? null : host.toString();
  }

  public List<TownLink> getTowns() {
    if (towns == null) {
      TownRegistry.TownPage page = registry.list(TenantStatus.LIVE, 0, 60);
      liveCount = page.total();
      towns = page.items().stream().map(this::link).toList();
    }
    return towns;
  }

  public long getLiveCount() {
    getTowns();
    return liveCount;
  }

  private TownLink link(Tenant t) {
    return new TownLink(t.officialName(), config.publicUrl(directory.platformHostOf(t.slug())));
  }
}
