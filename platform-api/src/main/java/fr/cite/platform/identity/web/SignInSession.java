package fr.cite.platform.identity.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Who signed in on this host, kept in its HTTP session: the account's stable id, the ID token's
 * claims that pages show (name, e-mail, language), the realm roles of the access token, and the ID
 * token itself for signing out of Keycloak.
 */
public record SignInSession(
    String subject, Map<String, String> claims, List<String> realmRoles, String idToken)
    implements Serializable {

  public SignInSession {
    claims = Map.copyOf(claims);
    realmRoles = List.copyOf(realmRoles);
  }
}
