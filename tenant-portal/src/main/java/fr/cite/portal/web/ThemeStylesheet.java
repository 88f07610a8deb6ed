package fr.cite.portal.web;

import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /theme.css}: the town's colours as CSS custom properties, a stylesheet of its own so that
 * pages carry no inline style (Content-Security-Policy). Versioned by the pages ({@code ?v=}), so
 * browsers may keep it for a year and still see a new branding at once.
 */
@WebServlet("/theme.css")
public class ThemeStylesheet extends HttpServlet {

  @Inject RequestHost host;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    byte[] css = PortalPage.themeCss(host.town().orElse(null)).getBytes(StandardCharsets.UTF_8);
    res.setContentType("text/css;charset=UTF-8");
    res.setHeader(
        "Cache-Control",
        req.getParameter("v") == null ? "no-cache" : "public, max-age=31536000, immutable");
    res.setContentLength(css.length);
    res.getOutputStream().write(css);
  }
}
