package fr.cite.admin.billing;

import fr.cite.payments.billing.Regie;
import fr.cite.payments.billing.RequestFees;
import fr.cite.payments.billing.Tariffs;
import fr.cite.payments.domain.Money;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestCatalog;
import fr.cite.platform.requests.domain.RequestType;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The fees of the town's request types (a room booking, a cemetery concession), on the régies page:
 * which régie collects how much; a request submitted from then on comes with its invoice, payable
 * online from the request's page.
 */
@Named("requestFeesPage")
@ViewScoped
public class RequestFeesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient RequestFees fees;

  @Inject transient RequestCatalog catalog;

  @Inject transient Tariffs tariffs;

  private String type;
  private String regie;
  private String amount;
  private String label;

  public List<RequestFees.Fee> getFees() {
    return fees.all();
  }

  public List<RequestType> getTypes() {
    return catalog.allTypes();
  }

  public List<Regie> getRegies() {
    return tariffs.regies();
  }

  public String money(long cents) {
    return BillingConsole.money(cents);
  }

  public void save() {
    Long typeId = type != null && type.matches("\\d{1,18}") ? Long.valueOf(type) : null;
    Long regieId = regie != null && regie.matches("\\d{1,18}") ? Long.valueOf(regie) : null;
    long cents;
    try {
      cents = Money.parseEuros(amount == null ? "" : amount.replace(" ", "")).cents();
    } catch (IllegalArgumentException e) {
      cents = -1;
    }
    if (typeId == null || regieId == null || cents < 1 || cents > 1_000_000) {
      BillingConsole.error(BillingConsole.text("bill.fee-format"));
      return;
    }
    String text = label == null || label.isBlank() ? null : label.strip();
    if (text == null) {
      text =
          catalog.allTypes().stream()
              .filter(t -> t.id().equals(typeId))
              .map(t -> t.name().fr())
              .findFirst()
              .orElse(null);
    }
    if (text == null || text.length() > 160) {
      BillingConsole.error(BillingConsole.text("bill.fee-format"));
      return;
    }
    try {
      RequestFees.Fee f = fees.set(typeId, regieId, cents, text, null, BillingConsole.by());
      BillingConsole.info(
          BillingConsole.text("bill.fee-saved", f.typeName(), money(f.amountCents())));
      amount = null;
      label = null;
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  public void remove(RequestFees.Fee f) {
    fees.remove(f.typeId());
    BillingConsole.info(BillingConsole.text("bill.fee-removed", f.typeName()));
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getRegie() {
    return regie;
  }

  public void setRegie(String regie) {
    this.regie = regie;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
