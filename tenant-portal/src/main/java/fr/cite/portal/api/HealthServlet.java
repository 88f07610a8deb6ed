package fr.cite.portal.api;

import fr.cite.platform.health.HealthChecks;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Liveness ({@code /health/live}) and readiness ({@code /health/ready}, 503 when not ready) as
 * JSON, on any host. A plain servlet rather than a second JAX-RS application, so that the REST API
 * has one application and one OpenAPI description.
 */
@WebServlet("/health/*")
public class HealthServlet extends HttpServlet {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject HealthChecks checks;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    HealthChecks.Health health;
    switch (path) {
      case "/live" -> health = checks.live();
      case "/ready" -> health = checks.ready();
      default -> {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
    }
    res.setStatus(health.up() ? 200 : 503);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(JSON.toJson(health));
  }
}
