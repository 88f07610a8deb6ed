package fr.cite.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors raised by JAX-RS itself (unknown path, wrong method or media type, unreadable body) as
 * problem JSON instead of the container's HTML.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String code =
        switch (status) {
          case 400 -> "malformed-body";
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 406 -> "not-acceptable";
          case 415 -> "unsupported-media-type";
          default -> status >= 500 ? "internal-error" : "invalid-request";
        };
    if (status >= 500) {
      return new UnexpectedExceptionMapper(headers, uri).toResponse(e);
    }
    Response.ResponseBuilder r =
        Response.fromResponse(
            ProblemResponses.response(
                Problems.of(
                    status,
                    code,
                    ProblemResponses.locale(headers),
                    ProblemResponses.instance(uri))));
    if (e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
      r.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return r.build();
  }

  /** A JSON body that does not bind to the expected type (JSON-B). */
  @Provider
  public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
    @Context HttpHeaders headers;
    @Context UriInfo uri;

    @Override
    public Response toResponse(JsonbException e) {
      return BodyFailures.response(e, headers, uri);
    }
  }

  /** A body that is not well-formed JSON (JSON-P, for endpoints reading JSON values). */
  @Provider
  public static class JsonExceptionMapper implements ExceptionMapper<jakarta.json.JsonException> {
    @Context HttpHeaders headers;
    @Context UriInfo uri;

    @Override
    public Response toResponse(jakarta.json.JsonException e) {
      return BodyFailures.response(e, headers, uri);
    }
  }

  /** A body the JSON provider could not read at all. */
  @Provider
  public static class ProcessingExceptionMapper
      implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {
    @Context HttpHeaders headers;
    @Context UriInfo uri;

    @Override
    public Response toResponse(jakarta.ws.rs.ProcessingException e) {
      return BodyFailures.response(e, headers, uri);
    }
  }
}
