package fr.cite.payments.api;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.billing.Invoices;
import fr.cite.payments.billing.RequestFees;
import fr.cite.payments.online.Checkouts;
import fr.cite.payments.online.Payment;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.api.CitizenOptional;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fee of a citizen's request (a citizen's bearer token): what is due, its invoice and receipts
 * as PDFs, and online payment through the régie's Checkout. Another citizen's request, or a request
 * without a fee, is 404.
 */
@Path("/v1/requests/{reference}/fee")
@RequestScoped
@CitizenOptional
@Produces(MediaType.APPLICATION_JSON)
public class RequestFeeResource {

  @Inject Requests requests;

  @Inject RequestFees fees;

  @Inject Invoices invoices;

  @Inject Checkouts checkouts;

  @Inject CurrentCaller caller;

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  @Inject RequestHost host;

  @PathParam("reference")
  String reference;

  String subject() {
    return caller.subject().orElseThrow(() -> new ProblemException(401, "bearer-token-missing"));
  }

  Demande request() {
    return requests.ownRequest(reference, subject());
  }

  Invoice invoice(Demande d) {
    return fees.invoice(d.id())
        .orElseThrow(() -> new ProblemException(404, "request-fee-not-found"));
  }

  /** The fee's invoice (number, total, paid, remaining, payable online) and its payments. */
  @GET
  public Map<String, Object> get() {
    Invoice i = invoice(request());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("invoice", invoices.summaries(List.of(i)).get(0));
    out.put("payments", BillingViews.payments(invoices.payments(i.id())));
    return out;
  }

  @GET
  @Path("pdf")
  @Produces("application/pdf")
  public Response pdf() {
    Invoice i = invoice(request());
    return BillingViews.pdf(i.pdf(), i.number().orElse("facture"));
  }

  @GET
  @Path("receipts/{id}/pdf")
  @Produces("application/pdf")
  public Response receipt(@PathParam("id") long paymentId) {
    Invoice i = invoice(request());
    Payment p =
        invoices
            .payment(paymentId)
            .filter(pay -> pay.invoiceId() == i.id())
            .orElseThrow(() -> new ProblemException(404, "invoice-not-found"));
    return BillingViews.pdf(invoices.receiptPdf(p), p.receiptNumber());
  }

  /** Opens the payment page of the whole fee; where to send the payer. */
  @POST
  @Path("checkout")
  public Map<String, Object> checkout() {
    Demande d = request();
    URI back =
        URI.create(
            config.publicUrl(directory.platformHostOf(tenant.require().slug()))
                + "/compte/demandes/"
                + d.reference().orElseThrow());
    Checkouts.Redirect r = checkouts.startFee(d.id(), subject(), back, host.locale().getLanguage());
    return Map.of("url", r.url().toString());
  }
}
