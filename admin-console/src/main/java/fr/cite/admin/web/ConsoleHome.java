package fr.cite.admin.web;

import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * Entry of the consoles: the town's console on a town host (its staff only), the provider's on the
 * platform host (operators only). The consoles' features arrive with the console issue.
 */
@Named("console")
@RequestScoped
public class ConsoleHome {

  @Inject RequestHost host;

  public TenantSnapshot getTown() {
    return host.town().orElse(null);
  }

  public boolean isPlatform() {
    return host.isPlatform();
  }

  /** The signed-in account's role in this town (set by {@link ConsoleAccessFilter}). */
  public String getRole() {
    Object role =
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(ConsoleAccessFilter.STAFF_ROLE);
    return role == null ? null : role.toString();
  }

  public Locale getLocale() {
    return host.locale();
  }

  public String getLanguage() {
    return host.locale().getLanguage();
  }
}
