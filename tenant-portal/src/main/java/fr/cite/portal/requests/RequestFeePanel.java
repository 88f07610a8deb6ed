package fr.cite.portal.requests;

import fr.cite.payments.billing.Invoice;
import fr.cite.payments.billing.Invoices;
import fr.cite.payments.billing.RequestFees;
import fr.cite.payments.domain.Money;
import fr.cite.payments.online.Checkouts;
import fr.cite.payments.online.Payment;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.problem.Problems;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * The fee of the signed-in citizen's request on its page (the Lyon model's "payer en ligne"): how
 * much, the invoice and its receipts as PDFs, and the button that opens the régie's payment page.
 */
@Named("requestFee")
@RequestScoped
public class RequestFeePanel {

  @Inject RequestPage page;

  @Inject RequestFees fees;

  @Inject Invoices invoices;

  @Inject Checkouts checkouts;

  @Inject RequestHost host;

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  private Optional<Invoices.Summary> fee;
  private List<Payment> payments;
  private String error;
  private Optional<Long> typeFee;

  /** The signed-in citizen's request, as the page already read it (none: not theirs). */
  private Optional<Demande> demande() {
    Requests.View view = page.getView();
    return view == null || page.isTracked() ? Optional.empty() : Optional.of(view.demande());
  }

  /** The fee's invoice, or empty when the request has none. */
  public Invoices.Summary getFee() {
    if (fee == null) {
      Optional<Invoice> i = demande().flatMap(d -> fees.invoice(d.id()));
      fee = i.map(inv -> invoices.summaries(List.of(inv)).get(0));
      payments = i.map(inv -> invoices.payments(inv.id())).orElse(List.of());
    }
    return fee.orElse(null);
  }

  /** The credit notes of the régie's refunds of the fee. */
  public List<Invoice> getCreditNotes() {
    return demande().map(d -> fees.creditNotesOf(d.id())).orElse(List.of());
  }

  public List<Payment> getPayments() {
    getFee();
    return payments;
  }

  /** What the form says before the citizen submits: the fee the request will come with. */
  public String feeOf(fr.cite.platform.requests.domain.RequestType type) {
    if (type == null) {
      return null;
    }
    if (typeFee == null) {
      typeFee = fees.ofType(type.id()).map(f -> f.amountCents());
    }
    return typeFee
        .map(
            cents ->
                java.text.MessageFormat.format(
                    fr.cite.portal.web.PortalPage.text("request.fee.announced"), money(cents)))
        .orElse(null);
  }

  public String getStatusLabel() {
    return fr.cite.portal.web.PortalPage.text("request.fee.status." + getFee().status().name());
  }

  public String money(long cents) {
    return Money.ofCents(cents).format(host.locale());
  }

  public String date(LocalDate d) {
    return d == null
        ? ""
        : d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(host.locale()));
  }

  /** The message after coming back from the payment page ({@code ?paiement=}). */
  public String getPaymentMessage() {
    String p = Citizens.request().getParameter("paiement");
    if (p == null || getFee() == null) {
      return null;
    }
    if ("annule".equals(p)) {
      return fr.cite.portal.web.PortalPage.text("request.fee.cancelled");
    }
    return fr.cite.portal.web.PortalPage.text(
        getFee().remainingCents() > 0 ? "request.fee.confirming" : "request.fee.received");
  }

  public String getError() {
    return error;
  }

  /** Opens the régie's payment page for the whole fee and goes there. */
  public void pay() {
    Optional<Demande> d = demande();
    if (d.isEmpty()) {
      error = fr.cite.portal.web.PortalPage.text("request.fee.notFound");
      return;
    }
    try {
      URI back =
          URI.create(
              config.publicUrl(directory.platformHostOf(tenant.require().slug()))
                  + "/compte/demandes/"
                  + d.get().reference().orElseThrow());
      Checkouts.Redirect r =
          checkouts.startFee(
              d.get().id(), Citizens.subject().orElseThrow(), back, host.locale().getLanguage());
      FacesContext.getCurrentInstance().getExternalContext().redirect(r.url().toString());
    } catch (ProblemException e) {
      error = Problems.of(e.status(), e.code(), host.locale(), null, e.args()).detail();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
