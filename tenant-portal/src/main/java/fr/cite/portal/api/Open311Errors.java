package fr.cite.portal.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Whatever fails outside an Open311 endpoint's own handling (an unknown path, a wrong method, a
 * body that is not a form) answers in the specification's error list, never a stack trace.
 */
@Provider
public class Open311Errors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(Open311Errors.class);

  @Override
  public Response toResponse(Throwable e) {
    int status = 500;
    String description = "internal error";
    if (e instanceof WebApplicationException w) {
      status = w.getResponse().getStatus();
      description =
          status == 404 ? "not found" : status == 405 ? "method not allowed" : "bad request";
      if (status >= 500) {
        LOG.error("Open311 endpoint failed", e);
      }
    } else {
      LOG.error("Open311 endpoint failed", e);
    }
    int code = status >= 500 ? 500 : status;
    return Response.status(code)
        .type("application/json; charset=UTF-8")
        .entity("[{\"code\":" + code + ",\"description\":\"" + description + "\"}]")
        .build();
  }
}
