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

  public ProblemException(int status, String code, Object... args) {
    super(code);
    this.status = status;
    this.code = code;
    this.args = args.clone();
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
