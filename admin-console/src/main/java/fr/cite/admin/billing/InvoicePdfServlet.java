package fr.cite.admin.billing;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.billing.Invoices;
import fr.cite.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /desk/billing/pdf?facture=ID}: an issued invoice's PDF for the town's finance staff. */
@WebServlet("/desk/billing/pdf")
public class InvoicePdfServlet extends HttpServlet {

  @Inject Invoices invoices;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String id = req.getParameter("facture");
    if (id == null || !id.matches("\\d{1,18}")) {
      res.sendError(404);
      return;
    }
    try {
      Invoice i = invoices.require(Long.parseLong(id), null);
      if (i.pdf() == null) {
        res.sendError(404);
        return;
      }
      res.setContentType("application/pdf");
      res.setHeader(
          "Content-Disposition", "inline; filename=\"" + i.number().orElse("facture") + ".pdf\"");
      res.setHeader("Cache-Control", "private, no-store");
      res.getOutputStream().write(i.pdf());
    } catch (ProblemException e) {
      res.sendError(404);
    }
  }
}
