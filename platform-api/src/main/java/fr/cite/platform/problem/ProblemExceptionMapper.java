package fr.cite.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Expected failures thrown by application code, with their status and localized messages. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @Override
  public Response toResponse(ProblemException e) {
    java.util.Locale locale = ProblemResponses.locale(headers);
    Problem problem =
        Problems.of(e.status(), e.code(), locale, ProblemResponses.instance(uri), e.args());
    if (!e.fieldProblems().isEmpty()) {
      problem =
          Problems.withErrors(
              problem,
              e.fieldProblems().stream()
                  .map(f -> new Problem.FieldError(f.field(), f.message(locale)))
                  .toList());
    }
    Response r = ProblemResponses.response(problem);
    if (e.status() == 503) {
      return Response.fromResponse(r).header("Retry-After", "30").build();
    }
    if (e.status() == 401) {
      return Response.fromResponse(r)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cite-operators\"")
          .build();
    }
    return r;
  }
}
