package fr.cite.admin.billing;

import fr.cite.payments.billing.Regie;
import fr.cite.payments.billing.Tariffs;
import fr.cite.payments.domain.Bracket;
import fr.cite.payments.domain.Money;
import fr.cite.payments.domain.Tariff;
import fr.cite.payments.online.PaymentAccount;
import fr.cite.payments.online.PaymentAccounts;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The town's régies for its finance officers: each régie's numbering and Stripe Connect account
 * (connect, then its state as Stripe reports it), which régie bills each activity, and the tariff
 * versions of an activity (brackets on the family quotient), with a form for a new version.
 */
@Named("regiesPage")
@ViewScoped
public class RegiesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Tariffs tariffs;

  @Inject transient PaymentAccounts accounts;

  @Inject transient FamilySetup setup;

  @Inject transient TenantContext tenant;

  @Inject transient TenantDirectory directory;

  @Inject transient CiteConfig config;

  private String code;
  private String nameFr;
  private String counterAddress;
  private String officerName;
  private Boolean sepa = false;

  private String activity;
  private String validFrom;
  private String unit = Tariff.Unit.MEAL.name();
  private Integer unjustified = 100;
  private Integer unbooked = 100;
  private String unbookedExtra = "0";
  private Integer late = 0;
  private String brackets = "0;400;oui;1,00\n400;800;oui;2,50\n800;;oui;4,20\n0;;non;6,10";
  private String hourly = "801;7000;0,0619;0,0516;0,0413;0,0310";

  /** Back from Stripe's onboarding: the account's state read again. */
  public void onLoad() {
    Map<String, String> p =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    String regie = p.get("regie");
    if (p.get("stripe") != null && regie != null && regie.matches("\\d{1,18}")) {
      try {
        accounts.refresh(Long.parseLong(regie));
        regies = null;
        BillingConsole.info(BillingConsole.text("bill.stripe-state-refreshed"));
      } catch (RuntimeException e) {
        BillingConsole.error(BillingConsole.text("bill.stripe-unreachable"));
      }
    }
  }

  private transient List<Regie> regies;
  private transient Map<Long, Optional<PaymentAccount>> accountOf;
  private transient Map<Long, Long> regieOfActivity;

  /** Read once per request (the page asks for each régie and activity several times). */
  void read() {
    if (regies == null) {
      regies = tariffs.regies();
      accountOf = new java.util.HashMap<>();
      regieOfActivity = tariffs.regieOfActivities();
    }
  }

  public List<Regie> getRegies() {
    read();
    return regies;
  }

  public Optional<PaymentAccount> account(Regie r) {
    read();
    return accountOf.computeIfAbsent(r.id(), accounts::of);
  }

  public String accountState(Regie r) {
    return account(r)
        .map(
            a ->
                a.chargesEnabled()
                    ? BillingConsole.text("bill.online-enabled")
                    : a.detailsSubmitted()
                        ? BillingConsole.text("bill.stripe-checking")
                        : BillingConsole.text("bill.stripe-to-complete"))
        .orElse(BillingConsole.text("bill.stripe-none"));
  }

  public void createRegie() {
    if (code == null
        || !code.strip().matches("[a-z0-9-]{2,24}")
        || nameFr == null
        || nameFr.isBlank()) {
      BillingConsole.error(BillingConsole.text("bill.regie-code-name"));
      return;
    }
    try {
      String c = code.strip();
      Regie r =
          tariffs.createRegie(
              new Tariffs.NewRegie(
                  c,
                  nameFr.strip(),
                  null,
                  null,
                  Boolean.TRUE.equals(sepa),
                  30,
                  blank(counterAddress),
                  blank(officerName)));
      regies = null;
      BillingConsole.info(BillingConsole.text("bill.regie-created", r.nameFr(), r.numberPrefix()));
      code = null;
      nameFr = null;
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  /** Creates the régie's connected account if needed and sends the officer to Stripe. */
  public void connect(Regie r) throws IOException {
    String base =
        config.publicUrl(directory.platformHostOf(tenant.require().slug()))
            + "/admin/desk/billing/";
    try {
      URI link =
          accounts.onboard(
              r.id(),
              URI.create(base + "?stripe=retour&regie=" + r.id()),
              URI.create(base + "?stripe=relance&regie=" + r.id()),
              null);
      FacesContext.getCurrentInstance().getExternalContext().redirect(link.toString());
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    } catch (RuntimeException e) {
      BillingConsole.error(BillingConsole.text("bill.stripe-unreachable"));
    }
  }

  public List<Activity> getActivities() {
    return setup.activities();
  }

  public String regieOf(Activity a) {
    read();
    Long r = regieOfActivity.get(a.id());
    return r == null ? "" : r.toString();
  }

  public String regieName(Activity a) {
    read();
    Long r = regieOfActivity.get(a.id());
    return getRegies().stream()
        .filter(x -> x.id().equals(r))
        .map(Regie::nameFr)
        .findFirst()
        .orElse("—");
  }

  public void attach(Activity a, String regieId) {
    if (regieId == null || !regieId.matches("\\d{1,18}")) {
      return;
    }
    try {
      tariffs.attach(a.id(), Long.parseLong(regieId));
      regies = null;
      BillingConsole.info(BillingConsole.text("bill.activity-attached", a.name().fr()));
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  public List<Tariff> tariffsOf(Activity a) {
    return tariffs.ofActivities(
        List.of(a.id()), LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31));
  }

  public String bracketLabel(Bracket b) {
    return (b.resident()
            ? BillingConsole.text("bill.resident")
            : BillingConsole.text("bill.non-resident"))
        + (b.siblingRankMin() > 1
            ? ", " + BillingConsole.text("bill.rank", b.siblingRankMin())
            : "")
        + " · QF "
        + b.label()
        + " : "
        + BillingConsole.money(b.unitCents());
  }

  public String date(LocalDate d) {
    return d == null ? "…" : BillingConsole.date(d);
  }

  /** Reads the brackets typed one per line: {@code min;max;oui|non;price[;rank]}. */
  static List<Bracket> parseBrackets(String text) {
    List<Bracket> out = new ArrayList<>();
    for (String line : text.strip().split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(";", -1);
      if (f.length < 4) {
        throw new IllegalArgumentException(line);
      }
      out.add(
          new Bracket(
              Integer.parseInt(f[0].strip()),
              f[1].isBlank() ? null : Integer.valueOf(f[1].strip()),
              f[2].strip().toLowerCase(Locale.ROOT).startsWith("o")
                  || f[2].strip().toLowerCase(Locale.ROOT).startsWith("y"),
              f.length > 4 && !f[4].isBlank() ? Integer.parseInt(f[4].strip()) : 1,
              Math.toIntExact(Money.parseEuros(f[3]).cents())));
    }
    return out;
  }

  /**
   * Reads a crèche's hourly rule typed as {@code floor;ceiling;rate1;rate2…}: resources in euros,
   * effort rates in percent per hour ({@code 0,0619}) for 1, 2, 3… children.
   */
  static fr.cite.payments.domain.Hourly parseHourly(String text) {
    String[] f = text.strip().split(";");
    if (f.length < 3) {
      throw new IllegalArgumentException(text);
    }
    List<Integer> rates = new ArrayList<>();
    for (int i = 2; i < f.length; i++) {
      rates.add(
          new java.math.BigDecimal(f[i].strip().replace(',', '.'))
              .movePointRight(4)
              .intValueExact());
    }
    return new fr.cite.payments.domain.Hourly(
        Math.toIntExact(Money.parseEuros(f[0]).cents()),
        Math.toIntExact(Money.parseEuros(f[1]).cents()),
        rates);
  }

  public String hourlyLabel(Tariff t) {
    fr.cite.payments.domain.Hourly h = t.hourly();
    return BillingConsole.text(
        "bill.hourly-label",
        BillingConsole.money(h.resourcesFloorCents()),
        BillingConsole.money(h.resourcesCeilingCents()),
        String.join(
            " · ",
            h.effortRatesPpm().stream()
                .map(
                    r ->
                        java.math.BigDecimal.valueOf(r, 4).toPlainString().replace('.', ',') + " %")
                .toList()));
  }

  public void createTariff() {
    Long act = activity != null && activity.matches("\\d{1,18}") ? Long.valueOf(activity) : null;
    LocalDate from;
    List<Bracket> parsed;
    fr.cite.payments.domain.Hourly rule = null;
    boolean byHour = Tariff.Unit.HOUR.name().equals(unit);
    try {
      from = LocalDate.parse(validFrom == null ? "" : validFrom.strip());
      parsed = byHour ? List.of() : parseBrackets(brackets == null ? "" : brackets);
      if (byHour) {
        rule = parseHourly(hourly == null ? "" : hourly);
      }
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      BillingConsole.error(
          BillingConsole.text(byHour ? "bill.hourly-format" : "bill.tariff-format"));
      return;
    }
    if (act == null) {
      BillingConsole.error(BillingConsole.text("bill.tariff-activity"));
      return;
    }
    try {
      tariffs.create(
          new Tariffs.NewVersion(
              act,
              from,
              null,
              Tariff.Unit.valueOf(unit),
              unjustified == null ? 100 : unjustified,
              0,
              unbooked == null ? 100 : unbooked,
              Math.toIntExact(
                  Money.parseEuros(unbookedExtra == null ? "0" : unbookedExtra).cents()),
              late == null ? 0 : late,
              parsed,
              rule),
          BillingConsole.by());
      BillingConsole.info(BillingConsole.text("bill.tariff-created", BillingConsole.date(from)));
    } catch (ProblemException e) {
      BillingConsole.problem(e);
    }
  }

  public List<String> getUnits() {
    return List.of("MEAL", "HALF_DAY", "DAY", "SESSION", "HOUR");
  }

  public String getHourly() {
    return hourly;
  }

  public void setHourly(String hourly) {
    this.hourly = hourly;
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getCode() {
    return code;
  }

  public void setCode(String v) {
    code = v;
  }

  public String getNameFr() {
    return nameFr;
  }

  public void setNameFr(String v) {
    nameFr = v;
  }

  public String getCounterAddress() {
    return counterAddress;
  }

  public void setCounterAddress(String v) {
    counterAddress = v;
  }

  public String getOfficerName() {
    return officerName;
  }

  public void setOfficerName(String v) {
    officerName = v;
  }

  public Boolean getSepa() {
    return sepa;
  }

  public void setSepa(Boolean v) {
    sepa = v;
  }

  public String getActivity() {
    return activity;
  }

  public void setActivity(String v) {
    activity = v;
  }

  public String getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(String v) {
    validFrom = v;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String v) {
    unit = v;
  }

  public Integer getUnjustified() {
    return unjustified;
  }

  public void setUnjustified(Integer v) {
    unjustified = v;
  }

  public Integer getUnbooked() {
    return unbooked;
  }

  public void setUnbooked(Integer v) {
    unbooked = v;
  }

  public String getUnbookedExtra() {
    return unbookedExtra;
  }

  public void setUnbookedExtra(String v) {
    unbookedExtra = v;
  }

  public Integer getLate() {
    return late;
  }

  public void setLate(Integer v) {
    late = v;
  }

  public String getBrackets() {
    return brackets;
  }

  public void setBrackets(String v) {
    brackets = v;
  }
}
