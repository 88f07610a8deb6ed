package fr.cite.payments.api;

import fr.cite.payments.online.Payment;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** What the parents' and the régie's billing APIs answer alike: PDFs and payments. */
final class BillingViews {

  private BillingViews() {}

  /** A stored PDF, shown in the browser under its number. */
  static Response pdf(byte[] pdf, String name) {
    if (pdf == null) {
      throw new fr.cite.platform.problem.ProblemException(404, "invoice-not-found");
    }
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  static List<Map<String, Object>> payments(List<Payment> payments) {
    return payments.stream()
        .map(
            p ->
                Map.<String, Object>of(
                    "id", p.id(),
                    "receipt", p.receiptNumber(),
                    "amountCents", p.amountCents(),
                    "method", p.method(),
                    "receivedAt", p.receivedAt().toString()))
        .toList();
  }
}
