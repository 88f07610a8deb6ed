package fr.cite.platform.tenancy.web;

import fr.cite.platform.i18n.Languages;
import fr.cite.platform.problem.ProblemJson;
import fr.cite.platform.problem.Problems;
import fr.cite.platform.tenancy.application.HostResolution;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jboss.logging.MDC;

/**
 * First thing every request meets: finds the town from the host, fills {@link TenantContext} and
 * {@link RequestHost}, picks the reader's language, and answers for hosts that serve no town.
 *
 * <ul>
 *   <li>a town's host: the request goes on, for that town only;
 *   <li>a suspended town: "service suspended" page (503), 503 problem JSON on the API;
 *   <li>the platform host: the platform's landing page; its API (provider) goes on;
 *   <li>an unknown host: the landing page with a 404, 404 problem JSON on the API.
 * </ul>
 *
 * Declared in each WAR's web.xml; init parameters {@code platformView} (page for the platform and
 * unknown hosts) and {@code suspendedView}.
 */
public class TenantFilter extends HttpFilter {

  static final String LANGUAGE_COOKIE = "cite_lang";
  public static final String UNKNOWN_HOST_ATTRIBUTE = "cite.unknownHost";

  @Inject TenantDirectory directory;

  @Inject TenantContext tenantContext;

  @Inject RequestHost requestHost;

  @Inject ProblemJson problemJson;

  @Inject fr.cite.platform.tenancy.application.FirstVisit provisioning;

  @Inject fr.cite.platform.config.CiteConfig config;

  private String platformView;
  private String suspendedView;
  private SecurityHeaders headers;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    platformView = config.getInitParameter("platformView");
    suspendedView = config.getInitParameter("suspendedView");
    headers =
        SecurityHeaders.of(
            "console".equals(config.getInitParameter("pages"))
                ? SecurityHeaders.Pages.CONSOLE
                : SecurityHeaders.Pages.PORTAL,
            this.config.keycloakUrl(),
            this.config.publicUrl(this.config.baseDomain()),
            this.config.paymentPageOrigins(),
            this.config.mapTiles());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    try {
      route(req, res, chain, path);
    } catch (IOException | ServletException | RuntimeException e) {
      // PostgreSQL down or hanging: the town's "service momentanément indisponible" page (or a
      // 503 problem on the API) instead of the generic error page, and a pause before it is asked
      // again (see DatabaseAvailability).
      if (!fr.cite.platform.database.DatabaseAvailability.isUnavailability(e)
          || res.isCommitted()) {
        throw e;
      }
      fr.cite.platform.database.DatabaseAvailability.failed();
      res.reset();
      headers.apply(req, res, path);
      DatabaseUnavailable.answer(
          req,
          res,
          problemJson,
          path,
          requestHost.locale(),
          requestHost.town().map(t -> t.name()).orElse(null));
    }
  }

  private void route(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain, String path)
      throws IOException, ServletException {
    headers.apply(req, res, path);
    if (path.startsWith("/health/")) {
      chain.doFilter(req, res);
      return;
    }
    boolean api = path.startsWith("/api/");
    Locale locale = api ? Languages.fromAcceptLanguage(req.getHeader("Accept-Language")) : null;
    HostResolution resolution = directory.resolve(req.getServerName());
    if (locale == null) {
      locale = pageLanguage(req, res, resolution);
    }
    requestHost.resolved(resolution, locale);
    req.setAttribute(Languages.REQUEST_ATTRIBUTE, locale);
    boolean asset = isStaticAsset(path);
    try {
      if (resolution instanceof HostResolution.Town first) {
        HostResolution.Town town = first;
        if (!first.tenant().provisioned()) {
          provisioning.ensure(first.tenant());
          // Provisioned just now: the town as it is now (its identity, for a sign-in that follows).
          if (directory.resolve(req.getServerName()) instanceof HostResolution.Town now) {
            town = now;
            requestHost.resolved(now, locale);
          }
        }
        tenantContext.set(town.tenant().ref());
        MDC.put("tenant", town.tenant().slug());
        chain.doFilter(req, res);
      } else if (resolution instanceof HostResolution.Suspended suspended) {
        MDC.put("tenant", suspended.tenant().slug());
        if (api) {
          res.setHeader("Retry-After", "86400");
          problemJson.write(
              res, Problems.of(503, "town-suspended", locale, path, suspended.tenant().name()));
        } else if (asset) {
          chain.doFilter(req, res);
        } else {
          res.setStatus(503);
          req.getRequestDispatcher(suspendedView).forward(req, res);
        }
      } else if (resolution instanceof HostResolution.Platform) {
        MDC.put("tenant", "-platform-");
        if (api || asset || platformView == null || path.startsWith("/signin/")) {
          chain.doFilter(req, res);
        } else {
          req.getRequestDispatcher(platformView).forward(req, res);
        }
      } else {
        if (api) {
          problemJson.write(
              res, Problems.of(404, "unknown-host", locale, path, req.getServerName()));
        } else if (asset) {
          chain.doFilter(req, res);
        } else {
          res.setStatus(404);
          req.setAttribute(UNKNOWN_HOST_ATTRIBUTE, req.getServerName());
          if (platformView == null) {
            res.sendError(404);
          } else {
            req.getRequestDispatcher(platformView).forward(req, res);
          }
        }
      }
    } finally {
      MDC.remove("tenant");
    }
  }

  /**
   * Language of pages: {@code ?lang=} (remembered in a cookie), then the cookie, then the town's.
   */
  private static Locale pageLanguage(
      HttpServletRequest req, HttpServletResponse res, HostResolution resolution) {
    String asked = req.getParameter("lang");
    if (asked != null && (asked.equals("fr") || asked.equals("en"))) {
      Cookie cookie = new Cookie(LANGUAGE_COOKIE, asked);
      cookie.setPath("/");
      cookie.setHttpOnly(true);
      cookie.setMaxAge(365 * 24 * 3600);
      cookie.setSecure(req.isSecure());
      cookie.setAttribute("SameSite", "Lax");
      res.addCookie(cookie);
      return Languages.fromTag(asked);
    }
    if (req.getCookies() != null) {
      for (Cookie c : req.getCookies()) {
        if (LANGUAGE_COOKIE.equals(c.getName())) {
          return Languages.fromTag(c.getValue());
        }
      }
    }
    if (resolution instanceof HostResolution.Town town) {
      return Languages.fromTag(town.tenant().defaultLocale());
    }
    return Languages.FRENCH;
  }

  static boolean isStaticAsset(String path) {
    return path.startsWith("/jakarta.faces.resource/")
        || path.startsWith("/resources/")
        || path.startsWith("/static/")
        || path.equals("/favicon.ico");
  }
}
