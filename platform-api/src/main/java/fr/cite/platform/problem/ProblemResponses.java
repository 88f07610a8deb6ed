package fr.cite.platform.problem;

import fr.cite.platform.i18n.Languages;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/** Shared by the exception mappers: the caller's language, the instance path, the response. */
final class ProblemResponses {

  private ProblemResponses() {}

  static Locale locale(HttpHeaders headers) {
    return Languages.fromAcceptLanguage(
        headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  static String instance(UriInfo uri) {
    try {
      return uri == null ? null : uri.getRequestUri().getRawPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Response response(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
