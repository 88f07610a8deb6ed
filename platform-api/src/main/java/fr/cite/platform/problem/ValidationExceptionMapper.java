package fr.cite.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Bean Validation failures on a request as a 400 problem listing each invalid field, with messages
 * in the caller's language.
 */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @Override
  public Response toResponse(ValidationException e) {
    Locale locale = ProblemResponses.locale(headers);
    Problem p = Problems.of(400, "invalid-request", locale, ProblemResponses.instance(uri));
    if (e instanceof ConstraintViolationException cve) {
      List<Problem.FieldError> errors =
          cve.getConstraintViolations().stream()
              .map(v -> new Problem.FieldError(field(v.getPropertyPath()), message(v, locale)))
              .sorted(Comparator.comparing(Problem.FieldError::field))
              .toList();
      p = Problems.withErrors(p, errors);
    }
    return ProblemResponses.response(p);
  }

  /**
   * Constraint messages of Cité are keys of the problems bundle ({@code {validation.required}});
   * they are looked up in the caller's language. Other messages come as the validator wrote them.
   */
  public static String message(ConstraintViolation<?> v, Locale locale) {
    String template = v.getMessageTemplate();
    if (template.startsWith("{validation.") && template.endsWith("}")) {
      String text = Problems.message(template.substring(1, template.length() - 1), locale);
      Object max = v.getConstraintDescriptor().getAttributes().get("max");
      Object min = v.getConstraintDescriptor().getAttributes().get("min");
      // Written as MessageFormat patterns: {0} is the constraint's max, {1} its min.
      return java.text.MessageFormat.format(text, String.valueOf(max), String.valueOf(min));
    }
    return v.getMessage();
  }

  /**
   * The JSON field name: the last node of the path ({@code onboard.arg0.inseeCode} → inseeCode).
   */
  private static String field(Path path) {
    String last = null;
    for (Path.Node node : path) {
      if (node.getName() != null) {
        last = node.getName();
      }
    }
    return last == null || last.startsWith("arg") ? "body" : last;
  }
}
