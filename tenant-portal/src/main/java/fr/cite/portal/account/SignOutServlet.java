package fr.cite.portal.account;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.identity.web.SignInFlow;
import fr.cite.platform.identity.web.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs the citizen out of the town's portal and of Keycloak (RP-initiated logout), then back to
 * the town's home page (through the platform's one sign-out return address, like sign-in). POST
 * only, so that a link on another site cannot sign anyone out.
 */
@WebServlet("/compte/deconnexion")
public class SignOutServlet extends HttpServlet {

  @Inject CiteConfig config;

  @Inject SignInFlow flow;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String idToken = SignedIn.idToken(req).orElse(null);
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String home = SignInFlow.origin(req) + "/";
    if (idToken == null || config.keycloakUrl().isEmpty()) {
      res.sendRedirect(home);
      return;
    }
    res.sendRedirect(
        config.keycloakUrl().get()
            + "/realms/"
            + config.keycloakRealm()
            + "/protocol/openid-connect/logout?client_id="
            + enc(config.keycloakPortalClient())
            + "&id_token_hint="
            + enc(idToken)
            + "&post_logout_redirect_uri="
            + enc(flow.signedOutUrl())
            + "&state="
            + enc(flow.signOutState(home)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
