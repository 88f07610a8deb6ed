package fr.cite.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Anything unexpected: logged with its stack trace under an incident reference, answered with a 500
 * problem that carries the reference and nothing of the failure.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  public UnexpectedExceptionMapper() {}

  UnexpectedExceptionMapper(HttpHeaders headers, UriInfo uri) {
    this.headers = headers;
    this.uri = uri;
  }

  @Override
  public Response toResponse(Throwable e) {
    ProblemException problem = findProblem(e);
    if (problem != null) {
      ProblemExceptionMapper mapper = new ProblemExceptionMapper();
      mapper.headers = headers;
      mapper.uri = uri;
      return mapper.toResponse(problem);
    }
    if (fr.cite.platform.database.DatabaseAvailability.isUnavailability(e)) {
      // PostgreSQL down or hanging: the caller may retry; nothing was committed.
      fr.cite.platform.database.DatabaseAvailability.failed();
      return Response.fromResponse(
              ProblemResponses.response(
                  Problems.of(
                      503,
                      "database-unavailable",
                      ProblemResponses.locale(headers),
                      ProblemResponses.instance(uri))))
          .header("Retry-After", "5")
          .build();
    }
    String incident = UUID.randomUUID().toString();
    String instance = ProblemResponses.instance(uri);
    LOG.errorf(e, "Incident %s on %s", incident, instance);
    return ProblemResponses.response(
        Problems.withIncident(
            Problems.of(
                500, "internal-error", ProblemResponses.locale(headers), instance, incident),
            incident));
  }

  /** A problem wrapped by a container layer (transaction rollback, EJB or CDI wrapper). */
  private static ProblemException findProblem(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ProblemException p) {
        return p;
      }
    }
    return null;
  }
}
