package fr.cite.platform.staff.api;

import fr.cite.platform.identity.application.AccessTokens;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards {@link TownAdminOnly} endpoints with the same rules as the console: a bearer access token
 * of the realm, whose account is a town administrator of the town the host designates. A token
 * valid for town A grants nothing on town B (403), whatever it says.
 */
@Provider
@TownAdminOnly
@Priority(Priorities.AUTHENTICATION)
public class TownAdminAuthentication implements ContainerRequestFilter {

  @Inject RequestHost host;

  @Inject AccessTokens tokens;

  @Inject StaffDirectory staff;

  @Inject CurrentCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    authenticate(
        request, host, tokens, staff, caller, r -> r == StaffRole.TOWN_ADMIN, "town-admin-only");
  }

  /**
   * The rule of every staff endpoint: on a town's host only (404 elsewhere), a valid bearer token
   * (401), an account whose role in this town passes {@code allowed} (403 {@code refusal}); the
   * caller is then known for the audit log.
   */
  public static void authenticate(
      ContainerRequestContext request,
      RequestHost host,
      AccessTokens tokens,
      StaffDirectory staff,
      CurrentCaller caller,
      java.util.function.Predicate<StaffRole> allowed,
      String refusal) {
    if (host.town().isEmpty()) {
      throw ProblemException.notFound("town-only");
    }
    AccessTokens.Caller verified =
        tokens
            .fromHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION))
            .orElseThrow(() -> new ProblemException(401, "bearer-token-missing"));
    if (staff.roleOf(verified.subject()).filter(allowed).isEmpty()) {
      throw new ProblemException(403, refusal);
    }
    caller.authenticated(verified.subject(), verified.username());
  }
}
