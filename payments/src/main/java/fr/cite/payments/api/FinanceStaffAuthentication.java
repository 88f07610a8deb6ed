package fr.cite.payments.api;

import fr.cite.platform.identity.application.AccessTokens;
import fr.cite.platform.identity.application.CurrentCaller;
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

/** Guards {@link FinanceStaffOnly}: finance officers and administrators; others 403. */
@Provider
@FinanceStaffOnly
@Priority(Priorities.AUTHENTICATION)
public class FinanceStaffAuthentication implements ContainerRequestFilter {

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
        r -> r == StaffRole.FINANCE || r == StaffRole.TOWN_ADMIN,
        "finance-staff-only");
  }
}
