package fr.cite.platform.tenancy.api;

import fr.cite.platform.problem.ProblemException;

/**
 * Page and size query parameters, checked here so that a bad value is a 400 problem (JAX-RS would
 * answer 404 for an unparsable {@code int} parameter).
 */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 100;

  public static Paging parse(String page, String size, int defaultSize) {
    int p = parse("page", page, 0, 0, 1_000_000);
    int s = parse("size", size, defaultSize, 1, MAX_SIZE);
    return new Paging(p, s);
  }

  /** A whole number query parameter within bounds, else a 400 problem naming it. */
  public static int parseInt(String name, String raw, int min, int max) {
    return parse(name, raw, min, min, max);
  }

  private static int parse(String name, String raw, int dflt, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw ProblemException.badRequest("bad-parameter", name, min + ".." + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("bad-parameter", name, min + ".." + max);
    }
  }
}
