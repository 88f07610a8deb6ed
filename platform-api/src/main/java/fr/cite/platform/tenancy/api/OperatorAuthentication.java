package fr.cite.platform.tenancy.api;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Guards {@link OperatorOnly} endpoints: they exist only on the platform host (404 elsewhere, so a
 * town's host reveals nothing), and need {@code Authorization: Bearer <operator token>} (401). The
 * token comes from {@code CITE_OPERATOR_TOKEN}; without it, every call is refused. Operators sign
 * in through Keycloak in a later issue.
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorAuthentication implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(OperatorAuthentication.class);

  @Inject RequestHost host;

  @Inject CiteConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!host.isPlatform()) {
      throw ProblemException.notFound("platform-only");
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ProblemException(401, "operator-token-missing");
    }
    Optional<String> expected = config.operatorToken();
    if (expected.isEmpty()) {
      LOG.warn("Provider API called but CITE_OPERATOR_TOKEN is not set: refusing");
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (expected.isEmpty()
        || !MessageDigest.isEqual(given, expected.get().getBytes(StandardCharsets.UTF_8))) {
      throw new ProblemException(401, "operator-token-invalid");
    }
  }
}
