package fr.cite.admin.billing;

import fr.cite.payments.billing.BillingRun;
import fr.cite.payments.billing.BillingRuns;
import fr.cite.payments.billing.BillingWorker;
import fr.cite.payments.billing.InvoiceIssuer;
import fr.cite.payments.billing.Invoices;
import fr.cite.payments.billing.Regie;
import fr.cite.payments.billing.Tariffs;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Billing runs for the finance officers: start the run of a régie for a month (a second start shows
 * the same run), follow it with a progress bar, read the households in error and why, draft it
 * again after a fix, issue it, and open its invoices.
 */
@Named("runsPage")
@ViewScoped
public class RunsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient BillingRuns runs;

  @Inject transient BillingWorker worker;

  @Inject transient InvoiceIssuer issuer;

  @Inject transient Invoices invoices;

  @Inject transient Tariffs tariffs;

  @Inject transient TenantContext tenant;

  private String regie;
  private String month = YearMonth.from(BillingConsole.today()).minusMonths(1).toString();
  private Long selected;

  public List<Regie> getRegies() {
    return tariffs.regies();
  }

  public Map<Long, String> getRegieNames() {
    return getRegies().stream().collect(Collectors.toMap(Regie::id, Regie::nameFr));
  }

  private transient Map<Long, BillingRuns.Progress> progress = new java.util.HashMap<>();

  /** The runs, newest first; each rendering reads their progress afresh (once per run). */
  public List<BillingRun> getRuns() {
    progress = new java.util.HashMap<>();
    return runs.list(null);
  }

  public BillingRuns.Progress progress(BillingRun r) {
    if (progress == null) {
      progress = new java.util.HashMap<>();
    }
    return progress.computeIfAbsent(r.id(), runs::progress);
  }

  /** Percentage for the progress bar: drafting counts households, issuing counts invoices. */
  public int percent(BillingRun r) {
    BillingRuns.Progress p = progress(r);
    return switch (r.status()) {
      case DRAFTING -> p.households() == 0 ? 0 : 100 * (p.done() + p.errors()) / p.households();
      case DRAFT -> 100;
      case ISSUING ->
          (p.issued() + p.toIssue()) == 0 ? 0 : 100 * p.issued() / (p.issued() + p.toIssue());
      case ISSUED -> 100;
    };
  }

  public boolean isWorking() {
    return getRuns().stream()
        .anyMatch(
            r ->
                r.status() == BillingRun.Status.DRAFTING
                    || r.status() == BillingRun.Status.ISSUING);
  }

  public String status(BillingRun r) {
    return BillingConsole.text("bill.run." + r.status().name());
  }

  public String month(BillingRun r) {
    return YearMonth.from(r.periodStart())
        .format(DateTimeFormatter.ofPattern("MMMM yyyy", BillingConsole.locale()));
  }

  public String money(long cents) {
    return BillingConsole.money(cents);
  }

  public void start() {
    if (regie == null || !regie.matches("\\d{1,18}")) {
      BillingConsole.error(BillingConsole.text("bill.choose-regie"));
      return;
    }
    YearMonth m;
    try {
      m = YearMonth.parse(month == null ? "" : month.strip());
    } catch (DateTimeParseException e) {
      BillingConsole.error(BillingConsole.text("bill.month-format"));
      return;
    }
    try {
      BillingRun r =
          runs.start(Long.parseLong(regie), m, BillingConsole.by(), BillingConsole.today());
      worker.kick(tenant.require(), r.id());
      selected = r.id();
      BillingConsole.info(BillingConsole.text("bill.run-started", month(r)));
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  /**
   * A corrective run of an issued month: each line that changed since is cancelled and replaced.
   */
  public void correct(BillingRun r) {
    try {
      BillingRun c =
          runs.startCorrective(
              r.regieId(), java.time.YearMonth.from(r.periodStart()), BillingConsole.by());
      worker.kick(tenant.require(), c.id());
      selected = c.id();
      BillingConsole.info(BillingConsole.text("bill.correction-started", month(r)));
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  public void redraft(BillingRun r) {
    try {
      runs.redraft(r.id());
      worker.kick(tenant.require(), r.id());
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  public void issue(BillingRun r) {
    try {
      issuer.begin(r.id());
      worker.kick(tenant.require(), r.id());
      BillingConsole.info(BillingConsole.text("bill.issuing", month(r)));
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  public void select(BillingRun r) {
    selected = r.id();
  }

  public BillingRun getSelectedRun() {
    return selected == null ? null : runs.find(selected).orElse(null);
  }

  public List<BillingRuns.HouseholdError> getErrors() {
    return selected == null ? List.of() : runs.errors(selected);
  }

  public List<Invoices.Summary> getInvoices() {
    return selected == null ? List.of() : invoices.ofRun(selected, 500);
  }

  @Inject transient fr.cite.payments.online.Refunds refunds;

  private String receipt;
  private String refundAmount;
  private String refundReason;

  /** Refunds (part of) an online payment found by its receipt number, with a credit note. */
  public void refund() {
    try {
      var payment =
          refunds
              .byReceipt(receipt == null ? "" : receipt.strip())
              .orElseThrow(() -> new ProblemException(404, "payment-not-found"));
      long cents =
          fr.cite.payments.domain.Money.parseEuros(refundAmount == null ? "" : refundAmount)
              .cents();
      if (refundReason == null || refundReason.isBlank()) {
        BillingConsole.error(BillingConsole.text("bill.refund-reason"));
        return;
      }
      var done = refunds.refund(payment.id(), cents, refundReason.strip(), BillingConsole.by());
      BillingConsole.info(BillingConsole.text("bill.refunded", money(cents), done.creditNote()));
      receipt = null;
      refundAmount = null;
      refundReason = null;
    } catch (IllegalArgumentException e) {
      BillingConsole.error(BillingConsole.text("bill.refund-amount"));
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  /** This month's takings of the régie chosen above, day by day. */
  public List<fr.cite.payments.online.Refunds.TakingsDay> getTakings() {
    Long chosen =
        regie != null && regie.matches("\\d{1,18}")
            ? Long.valueOf(regie)
            : getRegies().stream().findFirst().map(Regie::id).orElse(null);
    return chosen == null
        ? List.of()
        : refunds.takings(chosen, YearMonth.from(BillingConsole.today()));
  }

  public String date(java.time.LocalDate d) {
    return BillingConsole.date(d);
  }

  public String getReceipt() {
    return receipt;
  }

  public void setReceipt(String v) {
    receipt = v;
  }

  public String getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(String v) {
    refundAmount = v;
  }

  public String getRefundReason() {
    return refundReason;
  }

  public void setRefundReason(String v) {
    refundReason = v;
  }

  public String getRegie() {
    return regie;
  }

  public void setRegie(String v) {
    regie = v;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String v) {
    month = v;
  }
}
