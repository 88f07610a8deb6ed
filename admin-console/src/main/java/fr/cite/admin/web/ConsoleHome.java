package fr.cite.admin.web;

import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * Entry of the consoles: the town's console on a town host, the provider's on the platform host.
 * Sign-in (Keycloak) and the console's features arrive with the identity and console issues; until
 * then the page says so and shows nothing but public information.
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

  public Locale getLocale() {
    return host.locale();
  }

  public String getLanguage() {
    return host.locale().getLanguage();
  }
}
