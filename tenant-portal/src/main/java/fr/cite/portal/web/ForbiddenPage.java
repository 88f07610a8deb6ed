package fr.cite.portal.web;

import fr.cite.platform.identity.application.IdentityAvailability;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The 403 page: when sign-in itself is what failed because Keycloak does not answer, it says so
 * (503, "sign-in temporarily unavailable") rather than "access refused".
 */
@Named("forbidden")
@RequestScoped
public class ForbiddenPage {

  @Inject IdentityAvailability signIn;

  private Boolean unavailable;

  public boolean isSignInUnavailable() {
    if (unavailable == null) {
      unavailable = !signIn.isAvailable();
      if (unavailable) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(503);
      }
    }
    return unavailable;
  }
}
