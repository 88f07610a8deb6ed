package fr.cite.platform.tenancy.web;

import fr.cite.platform.i18n.Languages;
import fr.cite.platform.problem.ProblemJson;
import fr.cite.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The answer while PostgreSQL does not answer, written without it: on the API a 503 problem ({@code
 * database-unavailable}) with {@code Retry-After}; on pages the town's "service momentanément
 * indisponible" page, in French or English, 503 with {@code Retry-After}.
 */
final class DatabaseUnavailable {

  static final String RETRY_AFTER_SECONDS = "5";

  private DatabaseUnavailable() {}

  static void answer(
      HttpServletRequest req,
      HttpServletResponse res,
      ProblemJson problems,
      String path,
      Locale locale,
      String town)
      throws IOException {
    res.setStatus(503);
    res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    res.setHeader("Cache-Control", "no-store");
    Locale language =
        locale != null ? locale : Languages.fromAcceptLanguage(req.getHeader("Accept-Language"));
    if (path.startsWith("/api/")) {
      problems.write(res, Problems.of(503, "database-unavailable", language, path));
      return;
    }
    boolean english = "en".equals(language.getLanguage());
    String title =
        english ? "Service temporarily unavailable" : "Service momentanément indisponible";
    String text =
        english
            ? "The portal cannot reach its data right now. Please try again in a few moments:"
                + " nothing you sent before this page was lost."
            : "Le portail ne peut pas accéder à ses données pour le moment. Réessayez dans quelques"
                + " instants : rien de ce que vous avez envoyé avant cette page n’a été perdu.";
    String heading = town == null ? "Cité" : escape(town);
    String html =
        "<!DOCTYPE html><html lang=\""
            + (english ? "en" : "fr")
            + "\"><head><meta charset=\"UTF-8\"/><meta name=\"viewport\""
            + " content=\"width=device-width, initial-scale=1\"/><title>"
            + title
            + " · "
            + heading
            + "</title><link rel=\"stylesheet\" href=\"/resources/css/portal.css\"/>"
            + (town == null ? "" : "<link rel=\"stylesheet\" href=\"/theme.css\"/>")
            + "</head><body>"
            + "<header class=\"site-header\"><div class=\"container header-row\"><span"
            + " class=\"brand\">"
            + heading
            + "</span></div></header><main id=\"contenu\"><div class=\"container\"><h1>"
            + title
            + "</h1><p class=\"lead\">"
            + text
            + "</p><p><a href=\"\">"
            + (english ? "Try again" : "Réessayer")
            + "</a></p></div></main></body></html>";
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    res.setContentType("text/html;charset=UTF-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
