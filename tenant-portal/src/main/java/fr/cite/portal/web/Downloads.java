package fr.cite.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** How the portal hands a citizen one of their documents. */
public final class Downloads {

  private Downloads() {}

  /** A stored PDF, shown in the browser under its number, never cached; none: 404. */
  public static void pdf(HttpServletResponse res, byte[] pdf, String name) throws IOException {
    if (pdf == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setContentType("application/pdf");
    res.setHeader("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(pdf.length);
    res.getOutputStream().write(pdf);
  }
}
