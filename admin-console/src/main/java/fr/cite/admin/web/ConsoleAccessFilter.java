package fr.cite.admin.web;

import fr.cite.platform.identity.web.SignedIn;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.towns.api.OperatorAuthentication;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Who may open the consoles, after sign-in and after the tenant filter: on a town's host, a member
 * of that town's staff (roles are per town, in the application's database: an agent of town A is
 * nobody on town B); on the platform host, an account with the realm role {@code
 * platform-operator}. Accepting an invitation only needs to be signed in.
 */
public class ConsoleAccessFilter extends HttpFilter {

  /** Request attribute holding the staff role of the signed-in account in this town. */
  public static final String STAFF_ROLE = "cite.staffRole";

  @Inject RequestHost host;

  @Inject StaffDirectory staff;

  @Inject fr.cite.platform.identity.application.CurrentCaller caller;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/invitation/")
        || path.startsWith("/jakarta.faces.resource/")
        || path.equals("/signin/complete")
        || path.equals("/unavailable.xhtml")) {
      chain.doFilter(req, res);
      return;
    }
    if ((path.startsWith("/provider/") && !host.isPlatform())
        || ((path.startsWith("/town/") || path.startsWith("/desk/")) && host.town().isEmpty())) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    boolean allowed;
    if (host.isPlatform()) {
      allowed = SignedIn.realmRoles(req).contains(OperatorAuthentication.OPERATOR_ROLE);
    } else if (host.town().isPresent()) {
      Optional<StaffRole> role = SignedIn.subject(req).flatMap(staff::roleOf);
      role.ifPresent(r -> req.setAttribute(STAFF_ROLE, r));
      // The town's settings (/town/...) are for its administrators; requests (/desk/...) for its
      // agents and administrators; the rest for all its staff.
      if (path.startsWith("/town/")) {
        allowed = role.filter(r -> r == StaffRole.TOWN_ADMIN).isPresent();
      } else if (path.startsWith("/desk/family/register")) {
        // The register: activity staff take it, agents and administrators too.
        allowed =
            role.filter(
                    r ->
                        r == StaffRole.TOWN_ADMIN
                            || r == StaffRole.AGENT
                            || r == StaffRole.ACTIVITY_STAFF)
                .isPresent();
      } else if (path.startsWith("/desk/billing")) {
        // The régie: its finance officers and the town's administrators.
        allowed = role.filter(r -> r == StaffRole.TOWN_ADMIN || r == StaffRole.FINANCE).isPresent();
      } else if (path.startsWith("/desk/")) {
        allowed = role.filter(r -> r == StaffRole.TOWN_ADMIN || r == StaffRole.AGENT).isPresent();
      } else {
        allowed = role.isPresent();
      }
    } else {
      allowed = false;
    }
    if (allowed) {
      SignedIn.subject(req)
          .ifPresent(
              subject ->
                  caller.authenticated(
                      subject,
                      SignedIn.claim(req, "email")
                          .or(() -> SignedIn.claim(req, "preferred_username"))
                          .orElse(subject)));
      chain.doFilter(req, res);
    } else {
      if ("partial/ajax".equals(req.getHeader("Faces-Request"))
          || req.getParameter("jakarta.faces.partial.ajax") != null) {
        // An AJAX call of a page: a bare 403, no page to render in a partial response.
        res.setStatus(HttpServletResponse.SC_FORBIDDEN);
        res.setContentType("text/plain;charset=UTF-8");
        res.getWriter().write("403");
        return;
      }
      // The error page (forbidden.xhtml, see web.xml) explains who may open the console.
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }
}
