package fr.cite.platform.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/** What the OpenID Connect sign-in tells about the account of a request. */
public final class SignedIn {

  private SignedIn() {}

  public static Optional<OidcSecurityContext> context(HttpServletRequest request) {
    return Optional.ofNullable(
        (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName()));
  }

  /** The account's stable id (Keycloak's {@code sub}). */
  public static Optional<String> subject(HttpServletRequest request) {
    return context(request)
        .map(c -> c.getIDToken() == null ? c.getToken().getSubject() : c.getIDToken().getSubject());
  }

  public static Optional<String> claim(HttpServletRequest request, String name) {
    return context(request)
        .map(OidcSecurityContext::getIDToken)
        .map(t -> t.getClaimValueAsString(name));
  }

  /** Realm roles of the account (e.g. {@code platform-operator}). */
  public static List<String> realmRoles(HttpServletRequest request) {
    return context(request)
        .map(OidcSecurityContext::getToken)
        .map(AccessToken::getRealmAccessClaim)
        .<List<String>>map(RealmAccessClaim::getRoles)
        .orElse(List.of());
  }
}
