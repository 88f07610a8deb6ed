package fr.cite.portal.account;

import fr.cite.platform.identity.web.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * "Mon compte": who the signed-in citizen is, from the ID token Keycloak issued. The same account
 * signs in on every town's portal; what a citizen did in a town stays in that town.
 */
@Named("account")
@RequestScoped
public class CitizenAccount {

  private String claim(String name) {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return SignedIn.claim(request, name).orElse(null);
  }

  /** True when this browser is signed in on this town's portal. */
  public boolean isSignedIn() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return SignedIn.session(request).isPresent();
  }

  public String getName() {
    String name = claim("name");
    return name == null || name.isBlank() ? getEmail() : name;
  }

  public String getGivenName() {
    return claim("given_name");
  }

  public String getFamilyName() {
    return claim("family_name");
  }

  public String getEmail() {
    return claim("email");
  }

  /** The language the citizen chose in Keycloak, if any. */
  public String getPreferredLanguage() {
    return claim("locale");
  }
}
