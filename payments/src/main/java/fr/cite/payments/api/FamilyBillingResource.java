package fr.cite.payments.api;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.billing.Invoices;
import fr.cite.payments.billing.Tariffs;
import fr.cite.payments.online.Checkouts;
import fr.cite.payments.online.Payment;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.family.application.Households;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.api.CitizenOptional;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parents' billing API (a citizen's bearer token): the household's invoices, balance and
 * receipts, an invoice's details and PDF, online payment of an invoice, and the forecast of a month
 * from the bookings so far. Another household's invoice is 404.
 */
@Path("/v1/family/billing")
@RequestScoped
@CitizenOptional
@Produces(MediaType.APPLICATION_JSON)
public class FamilyBillingResource {

  @Inject Households households;

  @Inject Invoices invoices;

  @Inject Checkouts checkouts;

  @Inject Tariffs tariffs;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  String subject() {
    return caller.subject().orElseThrow(() -> new ProblemException(401, "bearer-token-missing"));
  }

  long household() {
    return households.requireMine(subject()).id();
  }

  /** The household's invoices with what is left to pay in all. */
  @GET
  @Path("invoices")
  public Map<String, Object> list() {
    List<Invoices.Summary> all = invoices.ofHousehold(household());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("balanceCents", all.stream().mapToLong(Invoices.Summary::remainingCents).sum());
    out.put("invoices", all);
    return out;
  }

  @GET
  @Path("invoices/{id}")
  public Map<String, Object> invoice(@PathParam("id") long id) {
    Invoice i = invoices.require(id, household());
    if (i.status() == Invoice.Status.DRAFT) {
      throw new ProblemException(404, "invoice-not-found");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("invoice", invoices.summaries(List.of(i)).get(0));
    out.put("lines", invoices.lines(id, host.locale()));
    out.put("payments", BillingViews.payments(invoices.payments(id)));
    return out;
  }

  @GET
  @Path("invoices/{id}/pdf")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") long id) {
    Invoice i = invoices.require(id, household());
    return BillingViews.pdf(i.pdf(), i.number().orElse("facture"));
  }

  @GET
  @Path("receipts/{id}/pdf")
  @Produces("application/pdf")
  public Response receipt(@PathParam("id") long paymentId) {
    long h = household();
    Payment p =
        invoices
            .payment(paymentId)
            .filter(pay -> invoices.require(pay.invoiceId(), h) != null)
            .orElseThrow(() -> new ProblemException(404, "invoice-not-found"));
    return BillingViews.pdf(invoices.receiptPdf(p), p.receiptNumber());
  }

  /** Opens the payment page of the invoice for its whole balance; where to send the payer. */
  @POST
  @Path("invoices/{id}/checkout")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> checkout(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid BillingBodies.CheckoutBody body) {
    URI back =
        URI.create(
            config.publicUrl(directory.platformHostOf(tenant.require().slug()))
                + "/compte/famille/factures.xhtml");
    Checkouts.Redirect r =
        checkouts.start(
            id, household(), body.amountCents(), back, subject(), host.locale().getLanguage());
    return Map.of("url", r.url().toString());
  }

  /** What the month will cost so far ({@code month=2026-12}; this month by default). */
  @GET
  @Path("forecast")
  public Invoices.Forecast forecast(@QueryParam("month") String month) {
    YearMonth m;
    try {
      m =
          month == null
              ? YearMonth.from(LocalDate.now(fr.cite.payments.billing.InvoiceIssuer.PARIS))
              : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("bad-parameter", "month", "2026-12");
    }
    return invoices.forecast(household(), m);
  }
}
