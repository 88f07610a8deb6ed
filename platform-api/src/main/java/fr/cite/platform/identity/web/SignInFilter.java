package fr.cite.platform.identity.web;

import fr.cite.platform.identity.application.IdentityAvailability;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Pages that need a signed-in account (declared in web.xml on their paths, after the tenant
 * filter): a signed-in request goes on; otherwise a page asked with GET starts the sign-in ({@link
 * SignInFlow}) and comes back to it, other methods are sent back to the page with 303, an AJAX call
 * gets a bare 401. When Keycloak does not answer, the browser is not sent to a dead server: the
 * page {@code unavailableView} (init parameter) says sign-in is temporarily unavailable, 503. Paths
 * under {@code skip} (init parameter, comma-separated prefixes) are not guarded.
 */
public class SignInFilter extends HttpFilter {

  @Inject SignInFlow flow;

  @Inject IdentityAvailability availability;

  @Inject RequestHost host;

  private String unavailableView;
  private String[] skip = new String[0];

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    unavailableView = config.getInitParameter("unavailableView");
    String s = config.getInitParameter("skip");
    if (s != null && !s.isBlank()) {
      skip = s.split("\\s*,\\s*");
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    for (String prefix : skip) {
      if (path.startsWith(prefix)) {
        chain.doFilter(req, res);
        return;
      }
    }
    if (SignedIn.session(req).isPresent()) {
      chain.doFilter(req, res);
      return;
    }
    if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
      res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      res.setContentType("text/plain;charset=UTF-8");
      res.getWriter().write("401");
      return;
    }
    String returnTo =
        req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
    if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
      res.setStatus(HttpServletResponse.SC_SEE_OTHER);
      res.setHeader("Location", req.getRequestURI());
      return;
    }
    if (!availability.isAvailable()) {
      res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      res.setHeader("Retry-After", "30");
      res.setHeader("Cache-Control", "no-store");
      req.getRequestDispatcher(unavailableView).forward(req, res);
      return;
    }
    // The login page carries the town's branding once its organization exists in Keycloak; a town
    // whose identity is still pending signs in unbranded rather than not at all.
    Optional<String> town = host.town().filter(t -> t.identitySynced()).map(t -> t.slug());
    res.setHeader("Cache-Control", "no-store");
    java.util.Map<String, String> forwarded = new java.util.HashMap<>();
    for (String name : SignInFlow.FORWARDED) {
      if (req.getParameter(name) != null) {
        forwarded.put(name, req.getParameter(name));
      }
    }
    forwarded.putIfAbsent("ui_locales", host.locale().getLanguage());
    res.sendRedirect(flow.start(req, returnTo, town, forwarded));
  }
}
