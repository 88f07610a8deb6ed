package fr.cite.portal.account;

import fr.cite.platform.config.CiteConfig;
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
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Signs the citizen out of the town's portal and of Keycloak (RP-initiated logout), then back to
 * the town's home page. POST only, so that a link on another site cannot sign anyone out.
 */
@WebServlet("/compte/deconnexion")
public class SignOutServlet extends HttpServlet {

  @Inject CiteConfig config;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String idToken = SignedIn.context(req).map(OidcSecurityContext::getIDTokenString).orElse(null);
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String home = req.getScheme() + "://" + req.getServerName() + port(req) + "/";
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
            + enc(home));
  }

  private static String port(HttpServletRequest req) {
    int p = req.getServerPort();
    boolean standard = (p == 80 && "http".equals(req.getScheme())) || (p == 443 && req.isSecure());
    return standard ? "" : ":" + p;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
