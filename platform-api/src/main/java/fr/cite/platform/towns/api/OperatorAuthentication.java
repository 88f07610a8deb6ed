package fr.cite.platform.towns.api;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.identity.application.AccessTokens;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@link OperatorOnly} endpoints: they exist only on the platform host (404 elsewhere, so a
 * town's host reveals nothing) and need {@code Authorization: Bearer <token>}:
 *
 * <ul>
 *   <li>an access token of the realm whose holder has the realm role {@code platform-operator} (an
 *       operator, or the {@code cite-operator-cli} service account for automation); a valid token
 *       without the role is 403;
 *   <li>or, while {@code CITE_OPERATOR_TOKEN} is set, that bootstrap secret (for a platform whose
 *       Keycloak is not set up yet); leave it unset in production.
 * </ul>
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorAuthentication implements ContainerRequestFilter {

  public static final String OPERATOR_ROLE = "platform-operator";

  @Inject RequestHost host;

  @Inject CiteConfig config;

  @Inject AccessTokens tokens;

  @Inject fr.cite.platform.identity.application.CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!host.isPlatform()) {
      throw ProblemException.notFound("platform-only");
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ProblemException(401, "operator-token-missing");
    }
    String token = header.substring(7).strip();
    if (isBootstrapToken(token)) {
      current.authenticated("operator-token", "jeton d'opérateur (CITE_OPERATOR_TOKEN)");
      return;
    }
    AccessTokens.Verified verified = tokens.check(token, null, null);
    if (verified.refusal() == AccessTokens.Refusal.KEYS_UNAVAILABLE) {
      throw new ProblemException(503, "identity-unavailable");
    }
    if (!verified.ok()) {
      throw new ProblemException(401, "operator-token-invalid");
    }
    AccessTokens.Caller caller =
        new AccessTokens.Caller(
            verified.claims().getString("sub", ""),
            verified.claims().getString("preferred_username", ""),
            AccessTokens.realmRoles(verified.claims()));
    if (!caller.realmRoles().contains(OPERATOR_ROLE)) {
      throw new ProblemException(403, "operator-role-missing");
    }
    current.authenticated(caller.subject(), caller.username());
  }

  private boolean isBootstrapToken(String token) {
    Optional<String> expected = config.operatorToken();
    return expected.isPresent()
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            expected.get().getBytes(StandardCharsets.UTF_8));
  }
}
