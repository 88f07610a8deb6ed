package fr.cite.portal.family;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.billing.Invoices;
import fr.cite.payments.online.Payment;
import fr.cite.platform.family.application.Households;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.identity.web.SignedIn;
import fr.cite.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /compte/famille/pdf?facture=ID} or {@code ?recu=ID}: an invoice's PDF (as issued) or a
 * payment's receipt, for a guardian of the household it belongs to; anything else is 404.
 */
@WebServlet("/compte/famille/pdf")
public class FamilyDocuments extends HttpServlet {

  @Inject Households households;

  @Inject Invoices invoices;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<Household> h = SignedIn.subject(req).flatMap(households::mine);
    if (h.isEmpty()) {
      res.sendError(404);
      return;
    }
    try {
      byte[] pdf;
      String name;
      Long invoice = FamilyPages.id(req.getParameter("facture"));
      Long receipt = FamilyPages.id(req.getParameter("recu"));
      if (invoice != null) {
        Invoice i = invoices.require(invoice, h.get().id());
        pdf = i.pdf();
        name = i.number().orElse("facture");
      } else if (receipt != null) {
        Payment p =
            invoices
                .payment(receipt)
                .orElseThrow(() -> new ProblemException(404, "invoice-not-found"));
        invoices.require(p.invoiceId(), h.get().id());
        pdf = invoices.receiptPdf(p);
        name = p.receiptNumber();
      } else {
        pdf = null;
        name = null;
      }
      fr.cite.portal.web.Downloads.pdf(res, pdf, name);
    } catch (ProblemException e) {
      res.sendError(404);
    }
  }
}
