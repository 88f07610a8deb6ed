package fr.cite.platform.problem;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes problem bodies outside JAX-RS (from servlet filters), in the same shape as the API. */
@ApplicationScoped
public class ProblemJson {

  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  public void write(HttpServletResponse res, Problem problem) throws IOException {
    res.setStatus(problem.status());
    res.setContentType(Problem.MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    res.getOutputStream().write(jsonb.toJson(problem).getBytes(StandardCharsets.UTF_8));
  }

  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      // nothing to release that matters at shutdown
    }
  }
}
