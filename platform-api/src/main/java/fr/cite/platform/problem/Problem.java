package fr.cite.platform.problem;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code errors} lists invalid fields of a request body, and
 * {@code incident} identifies an unexpected failure in the server logs without exposing it.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String incident) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: where it is and what is wrong, in the reader's language. */
  public record FieldError(String field, String message) {}
}
