package fr.cite.platform.tenancy.web;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.database.DatabaseAvailability;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bulkhead before everything that needs PostgreSQL (declared after the filters that answer from
 * memory): while the database is known not to answer, 503 at once; otherwise at most {@code
 * CITE_DB_MAX_CONCURRENT_REQUESTS} (24) requests of the node wait on it together, the next ones
 * wait a second for a turn and then get a 503. So a hanging database never takes every worker
 * thread: {@code /health/live} and pages served from memory keep answering.
 */
public class DatabaseGuard extends HttpFilter {

  private static final Semaphore TURNS =
      new Semaphore(
          Integer.parseInt(
              CiteConfig.lookup("cite.db.max-concurrent-requests").orElse("24").strip()));

  @Inject RequestHost host;

  @Inject fr.cite.platform.problem.ProblemJson problemJson;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    // Served from memory: health, static files, the town's colours.
    if (path.startsWith("/health/")
        || TenantFilter.isStaticAsset(path)
        || path.equals("/theme.css")) {
      chain.doFilter(req, res);
      return;
    }
    if (DatabaseAvailability.knownUnavailable()) {
      unavailable(req, res, path);
      return;
    }
    boolean turn;
    try {
      turn = TURNS.tryAcquire(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) {
      unavailable(req, res, path);
      return;
    }
    try {
      chain.doFilter(req, res);
    } finally {
      TURNS.release();
    }
  }

  private void unavailable(HttpServletRequest req, HttpServletResponse res, String path)
      throws IOException {
    DatabaseUnavailable.answer(
        req, res, problemJson, path, host.locale(), host.town().map(t -> t.name()).orElse(null));
  }
}
