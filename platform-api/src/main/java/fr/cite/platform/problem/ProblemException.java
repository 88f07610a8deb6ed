package fr.cite.platform.problem;

/**
 * An expected failure the caller can act on, with its HTTP status and a problem code. The code
 * names the problem type ({@code urn:cite:problem:<code>}) and the messages {@code <code>.title}
 * and {@code <code>.detail} of the {@code problems} bundle, formatted with {@code args}.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String code;
  private final transient Object[] args;
  private final transient java.util.List<FieldProblem> fieldProblems;

  /** A problem with one field: a message key of the problems bundle and its arguments. */
  public record FieldProblem(String field, String key, java.util.List<Object> args) {

    /** The message in a language; its arguments fill the key's {0}, {1}… */
    public String message(java.util.Locale locale) {
      return java.text.MessageFormat.format(
          Problems.message(key, locale), args.stream().map(String::valueOf).toArray());
    }
  }

  public ProblemException(int status, String code, Object... args) {
    this(status, code, java.util.List.of(), args);
  }

  private ProblemException(
      int status, String code, java.util.List<FieldProblem> fieldProblems, Object... args) {
    super(code);
    this.status = status;
    this.code = code;
    this.args = args.clone();
    this.fieldProblems = java.util.List.copyOf(fieldProblems);
  }

  /** 422 "invalid-form" listing each field's problem (a form checked against its schema). */
  public static ProblemException invalidFields(java.util.List<FieldProblem> problems) {
    return new ProblemException(422, "invalid-form", problems);
  }

  public java.util.List<FieldProblem> fieldProblems() {
    return fieldProblems;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }

  public static ProblemException notFound(String code, Object... args) {
    return new ProblemException(404, code, args);
  }

  public static ProblemException conflict(String code, Object... args) {
    return new ProblemException(409, code, args);
  }

  public static ProblemException unprocessable(String code, Object... args) {
    return new ProblemException(422, code, args);
  }

  public static ProblemException badRequest(String code, Object... args) {
    return new ProblemException(400, code, args);
  }
}
