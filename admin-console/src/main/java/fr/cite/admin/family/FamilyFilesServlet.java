package fr.cite.admin.family;

import fr.cite.platform.family.application.FamilyFiles;
import fr.cite.platform.family.domain.FamilyDocument;
import fr.cite.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A family document for the town's agents ({@code /desk/family/file?id=}), always as an attachment,
 * never inline. Access is the console's ({@code /desk/*}); another town's document is not found
 * (row-level security).
 */
@WebServlet("/desk/family/file")
public class FamilyFilesServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject FamilyFiles files;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    FamilyDocument d;
    try {
      d = files.requireDocument(Long.parseLong(String.valueOf(req.getParameter("id"))));
    } catch (ProblemException | NumberFormatException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String extension =
        switch (d.contentType()) {
          case "application/pdf" -> ".pdf";
          case "image/png" -> ".png";
          default -> ".jpg";
        };
    res.setContentType(d.contentType());
    res.setHeader(
        "Content-Disposition", "attachment; filename=\"document-" + d.id() + extension + "\"");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setContentLength(d.content().length);
    res.getOutputStream().write(d.content());
  }
}
