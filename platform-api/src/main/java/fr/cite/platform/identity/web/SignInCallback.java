package fr.cite.platform.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The platform host's {@code /signin/callback} and {@code /signin/signed-out}: the one address
 * Keycloak sends every town's browsers back to, after signing in or out. It only passes the answer
 * on to the town's host that the signed {@code state} names; a forged or expired state is a 400.
 */
public class SignInCallback extends HttpServlet {

  @Inject SignInFlow flow;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    String state = req.getParameter("state");
    Optional<String> next =
        req.getServletPath().endsWith("signed-out")
            ? flow.afterSignOut(state)
            : flow.bounce(state, req.getQueryString());
    if (next.isEmpty()) {
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    res.sendRedirect(next.get());
  }
}
