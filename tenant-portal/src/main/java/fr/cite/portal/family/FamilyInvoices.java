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

  @Inject fr.cite.payments.billing.Tariffs tariffs;

  @Inject fr.cite.platform.family.application.FamilySetup setup;

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

  private java.util.Map<Long, List<fr.cite.payments.online.Payment>> payments;

  /** The invoice's payments (all the page's read at once). */
  public List<fr.cite.payments.online.Payment> payments(Invoices.Summary i) {
    if (payments == null) {
      payments = invoices.paymentsOf(getInvoices().stream().map(Invoices.Summary::id).toList());
    }
    return payments.getOrDefault(i.id(), List.of());
  }

  /** An activity's tariff in force today, as families read it. */
  public record TariffRow(
      String activity, String unit, List<String> residents, List<String> others) {}

  /** The tariffs in force today of every billed activity (the town's published table). */
  public List<TariffRow> getTariffs() {
    LocalDate today = LocalDate.now(PARIS);
    java.util.Map<Long, Long> billed = tariffs.regieOfActivities();
    java.util.Map<Long, fr.cite.platform.family.domain.Activity> activities =
        new java.util.HashMap<>();
    setup.activeActivities().stream()
        .filter(a -> billed.containsKey(a.id()))
        .forEach(a -> activities.put(a.id(), a));
    List<TariffRow> rows = new java.util.ArrayList<>();
    for (fr.cite.payments.domain.Tariff t :
        tariffs.ofActivities(List.copyOf(activities.keySet()), today, today)) {
      fr.cite.platform.family.domain.Activity a = activities.get(t.activityId());
      rows.add(
          new TariffRow(
              a.name().in(host.locale()) + " — " + a.site(),
              FamilyMessages.get("family.tariffs.unit." + t.unit().name()),
              brackets(t, true),
              brackets(t, false)));
    }
    rows.sort(java.util.Comparator.comparing(TariffRow::activity));
    return rows;
  }

  List<String> brackets(fr.cite.payments.domain.Tariff t, boolean resident) {
    return t.brackets().stream()
        .filter(b -> b.resident() == resident)
        .map(
            b ->
                "QF "
                    + b.label()
                    + (b.siblingRankMin() > 1
                        ? " ("
                            + java.text.MessageFormat.format(
                                FamilyMessages.get("family.tariffs.rank"), b.siblingRankMin())
                            + ")"
                        : "")
                    + " : "
                    + money(b.unitCents()))
        .toList();
  }

  /** The message after coming back from the payment page ({@code ?paiement=}). */
  public String getPaymentMessage() {
    String p = FamilyPages.request().getParameter("paiement");
    if (p == null) {
      return null;
    }
    if ("annule".equals(p)) {
      return FamilyMessages.get("family.invoices.cancelled");
    }
    return FamilyMessages.get(
        isAnythingDue() ? "family.invoices.confirming" : "family.invoices.received");
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
