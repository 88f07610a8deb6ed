package fr.cite.platform.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;

/**
 * The browser security headers of every response, set by the {@link TenantFilter} first thing:
 *
 * <ul>
 *   <li>citizen pages: a Content-Security-Policy allowing only the platform's own scripts and
 *       stylesheets (no inline script or style: a town's colours come from its {@code /theme.css}),
 *       never framed, {@code base-uri 'none'}, forms posted only to the platform and Keycloak;
 *   <li>consoles: PrimeFaces writes inline scripts, so scripts are not restricted there yet; they
 *       may be framed by themselves only, with the same base and form rules;
 *   <li>the API: {@code default-src 'none'} (JSON is never a page);
 *   <li>everywhere: {@code nosniff}, a strict referrer policy, a Permissions-Policy denying
 *       powerful features no page uses (geolocation and camera will be allowed only on the incident
 *       form), and HSTS over HTTPS.
 * </ul>
 */
final class SecurityHeaders {

  enum Pages {
    PORTAL,
    CONSOLE
  }

  static final String PERMISSIONS =
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(),"
          + " magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()";

  /** The reporting pages place a report with the phone's position ("Ma position"): theirs only. */
  static final String REPORTING_PERMISSIONS =
      PERMISSIONS.replace("geolocation=()", "geolocation=(self)");

  private final Pages pages;
  private final String pagePolicy;

  private SecurityHeaders(Pages pages, String pagePolicy) {
    this.pages = pages;
    this.pagePolicy = pagePolicy;
  }

  /**
   * @param platformUrl the platform host's address: signing in and out comes back through it, and
   *     browsers check every redirect of a form's submission against {@code form-action}
   * @param paymentPages where a "pay" or "connect to Stripe" form redirects (Stripe's Checkout and
   *     Connect pages, or the local double's)
   */
  static SecurityHeaders of(
      Pages pages,
      Optional<String> keycloakUrl,
      String platformUrl,
      java.util.List<String> paymentPages,
      Optional<String> mapTiles) {
    String keycloak = keycloakUrl.map(SecurityHeaders::origin).map(o -> " " + o).orElse("");
    StringBuilder payments = new StringBuilder();
    paymentPages.forEach(u -> payments.append(' ').append(origin(u)));
    String common =
        "base-uri 'none'; form-action 'self' "
            + origin(platformUrl)
            + keycloak
            + payments
            + "; object-src 'none'";
    // Map tiles come from the deployment's tile server when it configures one (a URL template).
    String tiles =
        mapTiles
            .map(t -> t.replaceFirst("^(https?://[^/{]+).*$", "$1"))
            .filter(o -> o.startsWith("http"))
            .map(o -> " " + o)
            .orElse("");
    String policy =
        pages == Pages.PORTAL
            ? "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"
                + tiles
                + ";"
                + " font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                + common
            : "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
                + " style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + tiles
                + "; font-src 'self' data:;"
                + " connect-src 'self'; frame-ancestors 'self'; "
                + common;
    return new SecurityHeaders(pages, policy);
  }

  void apply(HttpServletRequest req, HttpServletResponse res, String path) {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader(
        "Permissions-Policy",
        path.startsWith("/signalements") ? REPORTING_PERMISSIONS : PERMISSIONS);
    if (path.startsWith("/api/")) {
      res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    } else {
      res.setHeader("Content-Security-Policy", pagePolicy);
      res.setHeader("X-Frame-Options", pages == Pages.PORTAL ? "DENY" : "SAMEORIGIN");
    }
    if (req.isSecure()) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
  }

  private static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getRawAuthority();
  }
}
