package fr.cite.platform.requests.api;

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
import java.util.Optional;

/** Bearer tokens on the requests API: citizens (optional) and the town's staff (required). */
public final class RequestAuthentication {

  private RequestAuthentication() {}

  static Optional<AccessTokens.Caller> bearer(
      ContainerRequestContext request, AccessTokens tokens) {
    return tokens.fromHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION));
  }

  /** {@link CitizenOptional}: signed in when a valid token comes, anonymous without one. */
  @Provider
  @CitizenOptional
  @Priority(Priorities.AUTHENTICATION)
  public static class Citizens implements ContainerRequestFilter {

    @Inject RequestHost host;

    @Inject AccessTokens tokens;

    @Inject CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
      if (host.town().isEmpty()) {
        throw ProblemException.notFound("town-only");
      }
      bearer(request, tokens).ifPresent(c -> caller.authenticated(c.subject(), c.username()));
    }
  }

  /** {@link TownStaffOnly}: an agent or an administrator of the town the host designates. */
  @Provider
  @TownStaffOnly
  @Priority(Priorities.AUTHENTICATION)
  public static class Staff implements ContainerRequestFilter {

    @Inject RequestHost host;

    @Inject AccessTokens tokens;

    @Inject StaffDirectory staff;

    @Inject CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
      fr.cite.platform.staff.api.TownAdminAuthentication.authenticate(
          request,
          host,
          tokens,
          staff,
          caller,
          r -> r == StaffRole.AGENT || r == StaffRole.TOWN_ADMIN,
          "town-staff-only");
    }
  }
}
