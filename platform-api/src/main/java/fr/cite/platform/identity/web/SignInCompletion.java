package fr.cite.platform.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /signin/complete} on a town's host (each WAR declares it): the end of {@link SignInFlow}.
 * A sign-in that cannot complete (another browser's state, a code already used, Keycloak refusing)
 * starts again from the home page of this host's application, signed out.
 */
public class SignInCompletion extends HttpServlet {

  @Inject SignInFlow flow;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    try {
      String returnTo = flow.complete(req);
      res.sendRedirect(returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
    } catch (SignInFlow.SignInFailed e) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }
}
