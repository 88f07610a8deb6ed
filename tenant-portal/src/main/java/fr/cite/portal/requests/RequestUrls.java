package fr.cite.portal.requests;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.online.Payment;
import fr.cite.platform.identity.web.SignedIn;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.CitizenData;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeAttachment;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable addresses of the request pages, forwarded to their Faces views: {@code
 * /compte/demandes/nouvelle/{type}} (a form, signed in), {@code /compte/demandes/brouillon/{id}} (a
 * draft), {@code /compte/demandes/{reference}} (a request), {@code /signaler/{type}} (a form
 * without account), {@code /suivi} (following without account). Files of a request ({@code
 * /compte/demandes/{reference}/fichiers/{id}}) and the citizen's data ({@code /compte/donnees}) are
 * downloads, served here as attachments.
 */
public class RequestUrls extends HttpFilter {

  private static final Pattern NEW =
      Pattern.compile("/compte/demandes/nouvelle/([a-z0-9-]{1,80})/?");
  private static final Pattern DRAFT =
      Pattern.compile("/compte/demandes/brouillon/([0-9]{1,18})/?");
  private static final Pattern FILE =
      Pattern.compile("/compte/demandes/([A-Za-z0-9-]{1,32})/fichiers/([0-9]{1,18})");
  private static final Pattern FEE =
      Pattern.compile(
          "/compte/demandes/([A-Za-z0-9-]{1,32})/frais(?:/(recus|avoirs)/([0-9]{1,18}))?\\.pdf");
  private static final Pattern ONE = Pattern.compile("/compte/demandes/([A-Za-z0-9-]{1,32})/?");
  private static final Pattern REPORT = Pattern.compile("/signaler/([a-z0-9-]{1,80})/?");

  @Inject Requests requests;

  @Inject CitizenData data;

  @Inject fr.cite.payments.billing.RequestFees fees;

  @Inject fr.cite.payments.billing.Invoices invoices;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    Matcher m;
    if ((m = NEW.matcher(path)).matches()) {
      forward("/compte/demande-form.xhtml?type=" + m.group(1), req, res);
    } else if ((m = DRAFT.matcher(path)).matches()) {
      forward("/compte/demande-form.xhtml?brouillon=" + m.group(1), req, res);
    } else if ((m = FILE.matcher(path)).matches()) {
      download(m.group(1), Long.parseLong(m.group(2)), req, res);
    } else if ((m = FEE.matcher(path)).matches()) {
      feeDocument(m.group(1), m.group(2), m.group(3), req, res);
    } else if (path.equals("/compte/demandes") || path.equals("/compte/demandes/")) {
      res.sendRedirect(req.getContextPath() + "/compte/");
    } else if ((m = ONE.matcher(path)).matches()) {
      forward("/compte/demande.xhtml?ref=" + enc(m.group(1)), req, res);
    } else if ((m = REPORT.matcher(path)).matches()) {
      forward("/demande-form.xhtml?type=" + m.group(1), req, res);
    } else if (path.equals("/suivi") || path.equals("/suivi/")) {
      forward("/suivi.xhtml", req, res);
    } else if (path.equals("/compte/donnees")) {
      exportData(req, res);
    } else {
      chain.doFilter(req, res);
    }
  }

  private static void forward(String view, HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    req.getRequestDispatcher(view).forward(req, res);
  }

  private void download(String reference, long id, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String subject = SignedIn.subject(req).orElse(null);
    DemandeAttachment a;
    try {
      a = requests.attachment(requests.ownRequest(reference, subject), id);
    } catch (ProblemException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    a.writeTo(res);
  }

  /** The invoice of a request's fee, or one of its receipts, as a PDF for its citizen. */
  private void feeDocument(
      String reference, String kind, String id, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    byte[] pdf;
    String name;
    try {
      Demande d = requests.ownRequest(reference, SignedIn.subject(req).orElse(null));
      Invoice i =
          fees.invoice(d.id())
              .orElseThrow(() -> new ProblemException(404, "request-fee-not-found"));
      if (kind == null) {
        pdf = i.pdf();
        name = i.number().orElse("facture");
      } else if (kind.equals("avoirs")) {
        Invoice c =
            fees.creditNotesOf(d.id()).stream()
                .filter(n -> n.id() == Long.parseLong(id))
                .findFirst()
                .orElseThrow(() -> new ProblemException(404, "invoice-not-found"));
        pdf = c.pdf();
        name = c.number().orElse("avoir");
      } else {
        Payment p =
            invoices
                .payment(Long.parseLong(id))
                .filter(pay -> pay.invoiceId() == i.id())
                .orElseThrow(() -> new ProblemException(404, "invoice-not-found"));
        pdf = invoices.receiptPdf(p);
        name = p.receiptNumber();
      }
    } catch (ProblemException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    fr.cite.portal.web.Downloads.pdf(res, pdf, name);
  }

  private void exportData(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String subject = SignedIn.subject(req).orElse(null);
    if (subject == null) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String json =
        data.export(
            subject,
            SignedIn.claim(req, "name").orElse(null),
            SignedIn.claim(req, "email").orElse(null));
    res.setContentType("application/json;charset=UTF-8");
    res.setHeader("Content-Disposition", "attachment; filename=\"mes-donnees.json\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
