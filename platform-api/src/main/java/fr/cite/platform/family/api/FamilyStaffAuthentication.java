package fr.cite.platform.family.api;

import fr.cite.platform.identity.application.AccessTokens;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.api.TownAdminAuthentication;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards {@link FamilyStaffOnly}: agents and administrators may do everything on the family desk;
 * activity staff only what is under {@code sessions} (the register). Another town's staff: 403.
 */
@Provider
@FamilyStaffOnly
@Priority(Priorities.AUTHENTICATION)
public class FamilyStaffAuthentication implements ContainerRequestFilter {

  @Inject RequestHost host;

  @Inject AccessTokens tokens;

  @Inject StaffDirectory staff;

  @Inject CurrentCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    TownAdminAuthentication.authenticate(
        request,
        host,
        tokens,
        staff,
        caller,
        r -> r == StaffRole.AGENT || r == StaffRole.TOWN_ADMIN || r == StaffRole.ACTIVITY_STAFF,
        "town-staff-only");
    String path = request.getUriInfo().getPath();
    boolean register = path.contains("/desk/family/sessions");
    if (!register
        && staff
            .roleOf(caller.requireSubject())
            .filter(r -> r == StaffRole.ACTIVITY_STAFF)
            .isPresent()) {
      throw new ProblemException(403, "town-staff-only");
    }
  }
}
