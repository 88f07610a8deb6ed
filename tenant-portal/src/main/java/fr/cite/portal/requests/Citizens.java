package fr.cite.portal.requests;

import fr.cite.platform.identity.web.SignedIn;
import fr.cite.platform.requests.domain.Demande;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The signed-in citizen of a page request, from the OpenID Connect sign-in. */
public final class Citizens {

  private Citizens() {}

  public static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  public static Optional<String> subject() {
    return SignedIn.subject(request());
  }

  static Demande.Citizen signedIn() {
    HttpServletRequest r = request();
    String email = SignedIn.claim(r, "email").orElse(null);
    String name = SignedIn.claim(r, "name").filter(n -> !n.isBlank()).orElse(email);
    return new Demande.Citizen(SignedIn.subject(r).orElse(null), name, email, null);
  }
}
