package fr.cite.admin.desk;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestDesk;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.domain.DemandeAttachment;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A request's file for the town's agents ({@code /desk/fichier?ref=&id=}), always as an attachment
 * (never displayed inline: a file from the public is not trusted). Access is the console's ({@code
 * /desk/*}: agents and administrators of the town).
 */
@WebServlet("/desk/fichier")
public class DeskFiles extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject RequestDesk desk;

  @Inject Requests requests;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    DemandeAttachment a;
    try {
      a =
          requests.attachment(
              desk.detail(String.valueOf(req.getParameter("ref"))).demande(),
              Long.parseLong(String.valueOf(req.getParameter("id"))));
    } catch (ProblemException | NumberFormatException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    a.writeTo(res);
  }
}
