package fr.cite.portal.family;

import fr.cite.payments.billing.Invoices;
import fr.cite.payments.domain.Money;
import fr.cite.payments.online.Checkouts;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.family.application.Households;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.problem.ProblemException;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * "Mes factures" in the family space: the household's invoices with what is left to pay, their PDFs
 * and receipts, the online payment of an invoice (to the régie's Stripe Checkout and back), and
 * what the current month will cost so far, priced by the billing run's own code.
 */
@Named("familyInvoices")
@RequestScoped
public class FamilyInvoices {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject Households households;

  @Inject Invoices invoices;

  @Inject Checkouts checkouts;

  @Inject RequestHost host;

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  private Optional<Household> household;
  private List<Invoices.Summary> list;
  private Invoices.Forecast forecast;

  Optional<Household> household() {
    if (household == null) {
      household = FamilyPages.subject().flatMap(households::mine);
    }
    return household;
  }

  public boolean isHasHousehold() {
    return household().isPresent();
  }

  public List<Invoices.Summary> getInvoices() {
    if (list == null) {
      list = household().map(h -> invoices.ofHousehold(h.id())).orElse(List.of());
    }
    return list;
  }

  public String getBalance() {
    return money(getInvoices().stream().mapToLong(Invoices.Summary::remainingCents).sum());
  }

  public boolean isAnythingDue() {
    return getInvoices().stream().anyMatch(i -> i.remainingCents() > 0);
  }

  public Invoices.Forecast getForecast() {
    if (forecast == null) {
      forecast =
          household()
              .map(h -> invoices.forecast(h.id(), YearMonth.from(LocalDate.now(PARIS))))
              .orElse(null);
    }
    return forecast;
  }

  public String getForecastMonth() {
    YearMonth m = YearMonth.from(LocalDate.now(PARIS));
    return m.format(DateTimeFormatter.ofPattern("MMMM yyyy", host.locale()));
  }

  public String money(long cents) {
    return Money.ofCents(cents).format(host.locale());
  }

  public String date(LocalDate d) {
    return d == null
        ? ""
        : d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(host.locale()));
  }

  public String period(Invoices.Summary i) {
    return YearMonth.from(i.periodStart())
        .format(DateTimeFormatter.ofPattern("MMMM yyyy", host.locale()));
  }

  public String status(Invoices.Summary i) {
    if (i.kind() == fr.cite.payments.billing.Invoice.Kind.CREDIT_NOTE) {
      return FamilyMessages.get("family.invoices.creditNote");
    }
    return FamilyMessages.get("family.invoices.status." + i.status().name());
  }

  public List<fr.cite.payments.online.Payment> payments(Invoices.Summary i) {
    return invoices.payments(i.id());
  }

  /** The message after coming back from the payment page ({@code ?paiement=}). */
  public String getPaymentMessage() {
    String p = FamilyPages.request().getParameter("paiement");
    if (p == null) {
      return null;
    }
    return FamilyMessages.get(
        "annule".equals(p) ? "family.invoices.cancelled" : "family.invoices.confirming");
  }

  /** Opens the régie's payment page for the invoice's whole balance and goes there. */
  public void pay() {
    String id = FamilyPages.request().getParameter("facture");
    Long invoiceId = FamilyPages.id(id);
    Household h = household().orElse(null);
    if (invoiceId == null || h == null) {
      FamilyPages.error(FamilyMessages.get("family.invoices.notFound"));
      return;
    }
    try {
      long remaining = invoices.require(invoiceId, h.id()).remainingCents();
      URI back =
          URI.create(
              config.publicUrl(directory.platformHostOf(tenant.require().slug()))
                  + "/compte/famille/factures.xhtml");
      Checkouts.Redirect r =
          checkouts.start(
              invoiceId,
              h.id(),
              remaining,
              back,
              FamilyPages.requireSubject(),
              host.locale().getLanguage());
      FacesContext.getCurrentInstance().getExternalContext().redirect(r.url().toString());
    } catch (ProblemException e) {
      FamilyPages.show(e, host.locale(), k -> k);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
