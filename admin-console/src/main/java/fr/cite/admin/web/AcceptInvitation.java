package fr.cite.admin.web;

import fr.cite.platform.identity.web.SignedIn;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.staff.domain.StaffMember;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The invitation link {@code /admin/invitation/<token>}: once signed in (or signed up) through
 * Keycloak, the account is linked to the staff role it was invited to, in this town only. The token
 * is in the path because the sign-in round trip keeps the path and drops the query.
 */
@WebServlet("/invitation/*")
public class AcceptInvitation extends HttpServlet {

  /** Request attribute: the accepted role's name, or absent when refused. */
  public static final String ACCEPTED_ROLE = "cite.invitation.role";

  @Inject StaffDirectory staff;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String token = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String subject = SignedIn.subject(req).orElse(null);
    int status = 404;
    if (!token.isBlank() && subject != null) {
      try {
        StaffMember member = staff.accept(token, subject);
        req.setAttribute(ACCEPTED_ROLE, member.role().name());
        status = 200;
      } catch (ProblemException e) {
        status = e.status();
      }
    }
    res.setStatus(status);
    req.getRequestDispatcher("/invitation.xhtml").forward(req, res);
  }
}
