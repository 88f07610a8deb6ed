package fr.cite.payments.api;

import fr.cite.payments.billing.BillingRun;
import fr.cite.payments.billing.BillingRuns;
import fr.cite.payments.billing.BillingWorker;
import fr.cite.payments.billing.InvoiceIssuer;
import fr.cite.payments.billing.Invoices;
import fr.cite.payments.billing.Regie;
import fr.cite.payments.billing.TariffVersion;
import fr.cite.payments.billing.Tariffs;
import fr.cite.payments.domain.Bracket;
import fr.cite.payments.domain.Tariff;
import fr.cite.payments.online.PaymentAccount;
import fr.cite.payments.online.PaymentAccounts;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The régie's API (finance officers and administrators of the town): régies and which activities
 * they bill, tariff versions, billing runs (start, progress, households in error, redraft, issue),
 * invoices and their PDFs, and the régie's Stripe Connect onboarding.
 */
@Path("/v1/desk/billing")
@RequestScoped
@FinanceStaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class BillingDeskResource {

  @Inject Tariffs tariffs;

  @Inject fr.cite.platform.family.application.FamilySetup setup;

  @Inject BillingRuns runs;

  @Inject fr.cite.payments.billing.RequestFees fees;

  @Inject BillingWorker worker;

  @Inject InvoiceIssuer issuer;

  @Inject Invoices invoices;

  @Inject PaymentAccounts accounts;

  @Inject fr.cite.payments.online.Refunds refunds;

  @Inject CurrentCaller caller;

  @Inject TenantContext tenant;

  @Inject RequestHost host;

  @Inject CiteConfig config;

  @Inject fr.cite.platform.tenancy.application.TenantDirectory directory;

  /** A régie with its payment account's state. */
  public record RegieView(
      long id,
      String code,
      String nameFr,
      String numberPrefix,
      boolean sepaEnabled,
      int dueDays,
      String paymentAccount,
      boolean chargesEnabled,
      boolean payoutsEnabled,
      boolean detailsSubmitted) {
    static RegieView of(Regie r, PaymentAccount a) {
      return new RegieView(
          r.id(),
          r.code(),
          r.nameFr(),
          r.numberPrefix(),
          r.sepaEnabled(),
          r.dueDays(),
          a == null ? null : a.accountRef(),
          a != null && a.chargesEnabled(),
          a != null && a.payoutsEnabled(),
          a != null && a.detailsSubmitted());
    }
  }

  /** A run and its progress. */
  public record RunView(
      long id,
      long regieId,
      String month,
      BillingRun.Kind kind,
      BillingRun.Status status,
      BillingRuns.Progress progress,
      String startedBy) {}

  String by() {
    return caller.displayName().orElse(caller.requireSubject());
  }

  @GET
  @Path("regies")
  public List<RegieView> regies() {
    return tariffs.regies().stream()
        .map(r -> RegieView.of(r, accounts.of(r.id()).orElse(null)))
        .toList();
  }

  @POST
  @Path("regies")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createRegie(
      @NotNull(message = "{validation.required}") @Valid BillingBodies.RegieBody body) {
    Regie r =
        tariffs.createRegie(
            new Tariffs.NewRegie(
                body.code(),
                body.nameFr().strip(),
                body.nameEn(),
                body.numberPrefix(),
                Boolean.TRUE.equals(body.sepaEnabled()),
                body.dueDays() == null ? 30 : body.dueDays(),
                body.counterAddress(),
                body.officerName()));
    return Response.status(201).entity(RegieView.of(r, null)).build();
  }

  /** An activity of the family space and the régie that bills it (null: none yet). */
  public record ActivityView(long id, String slug, String name, Long regieId) {}

  @GET
  @Path("activities")
  public List<ActivityView> activities() {
    Map<Long, Long> regieOf = tariffs.regieOfActivities();
    return setup.activities().stream()
        .map(a -> new ActivityView(a.id(), a.slug(), a.name().fr(), regieOf.get(a.id())))
        .toList();
  }

  @PUT
  @Path("activities/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> attach(
      @PathParam("id") long activityId,
      @NotNull(message = "{validation.required}") @Valid BillingBodies.ActivityRegieBody body) {
    tariffs.attach(activityId, body.regieId());
    return Map.of("activityId", activityId, "regieId", body.regieId());
  }

  /** The fees of the town's request types, and the régie that collects each. */
  @GET
  @Path("request-fees")
  public List<fr.cite.payments.billing.RequestFees.Fee> requestFees() {
    return fees.all();
  }

  /**
   * Sets a request type's fee ({@code type}: its slug, as in {@code /v1/requests/types/{slug}}):
   * requests submitted from now on come with its invoice.
   */
  @PUT
  @Path("request-fees/{type}")
  @Consumes(MediaType.APPLICATION_JSON)
  public fr.cite.payments.billing.RequestFees.Fee setRequestFee(
      @PathParam("type") String type,
      @NotNull(message = "{validation.required}") @Valid BillingBodies.RequestFeeBody body) {
    return fees.set(
        fees.typeId(type),
        body.regieId(),
        body.amountCents(),
        body.labelFr(),
        body.labelEn(),
        by());
  }

  @DELETE
  @Path("request-fees/{type}")
  public Response removeRequestFee(@PathParam("type") String type) {
    if (!fees.remove(fees.typeId(type))) {
      throw fr.cite.platform.problem.ProblemException.notFound("request-fee-not-found", type);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("tariffs")
  public List<Tariff> tariffsOf(@QueryParam("activity") long activityId) {
    return tariffs.ofActivities(
        List.of(activityId), LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31));
  }

  @POST
  @Path("tariffs")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createTariff(
      @NotNull(message = "{validation.required}") @Valid BillingBodies.TariffBody body) {
    fr.cite.payments.domain.Hourly hourly = null;
    if (body.hourly() != null) {
      BillingBodies.HourlyBody h = body.hourly();
      if (h.resourcesCeilingCents() <= h.resourcesFloorCents()) {
        throw new fr.cite.platform.problem.ProblemException(422, "tariff-hourly-bounds");
      }
      hourly =
          new fr.cite.payments.domain.Hourly(
              h.resourcesFloorCents(), h.resourcesCeilingCents(), h.effortRatesPpm());
    }
    TariffVersion t =
        tariffs.create(
            new Tariffs.NewVersion(
                body.activityId(),
                body.validFrom(),
                body.validTo(),
                Tariff.Unit.valueOf(body.unit()),
                orDefault(body.unjustifiedPercent(), 100),
                orDefault(body.justifiedPercent(), 0),
                orDefault(body.unbookedPercent(), 100),
                orDefault(body.unbookedExtraCents(), 0),
                orDefault(body.latePercent(), 0),
                (body.brackets() == null ? List.<BillingBodies.BracketBody>of() : body.brackets())
                    .stream()
                        .map(
                            b ->
                                new Bracket(
                                    b.quotientMin(),
                                    b.quotientMax(),
                                    b.resident(),
                                    orDefault(b.siblingRankMin(), 1),
                                    b.unitCents()))
                        .toList(),
                hourly),
            by());
    return Response.status(201).entity(Map.of("id", t.id())).build();
  }

  static int orDefault(Integer v, int d) {
    return v == null ? d : v;
  }

  @GET
  @Path("runs")
  public List<RunView> runs(@QueryParam("regie") Long regieId) {
    return runs.list(regieId).stream().map(this::view).toList();
  }

  RunView view(BillingRun r) {
    return new RunView(
        r.id(),
        r.regieId(),
        YearMonth.from(r.periodStart()).toString(),
        r.kind(),
        r.status(),
        runs.progress(r.id()),
        r.startedBy());
  }

  /** Starts (or returns) the run of the régie for the month; it goes on in the background. */
  @POST
  @Path("runs")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(
      @NotNull(message = "{validation.required}") @Valid BillingBodies.RunBody body) {
    BillingRun run =
        Boolean.TRUE.equals(body.corrective())
            ? runs.startCorrective(body.regieId(), YearMonth.parse(body.month()), by())
            : runs.start(
                body.regieId(),
                YearMonth.parse(body.month()),
                by(),
                LocalDate.now(InvoiceIssuer.PARIS));
    worker.kick(tenant.require(), run.id());
    return Response.accepted(view(run)).build();
  }

  @GET
  @Path("runs/{id}")
  public RunView run(@PathParam("id") long id) {
    return view(runs.require(id));
  }

  @GET
  @Path("runs/{id}/errors")
  public List<BillingRuns.HouseholdError> errors(@PathParam("id") long id) {
    runs.require(id);
    return runs.errors(id);
  }

  @GET
  @Path("runs/{id}/invoices")
  public List<Invoices.Summary> runInvoices(@PathParam("id") long id) {
    runs.require(id);
    return invoices.ofRun(id, 1000);
  }

  @POST
  @Path("runs/{id}/redraft")
  public Response redraft(@PathParam("id") long id) {
    runs.redraft(id);
    worker.kick(tenant.require(), id);
    return Response.accepted(view(runs.require(id))).build();
  }

  @POST
  @Path("runs/{id}/issue")
  public Response issue(@PathParam("id") long id) {
    issuer.begin(id);
    worker.kick(tenant.require(), id);
    return Response.accepted(view(runs.require(id))).build();
  }

  @GET
  @Path("invoices/{id}")
  public Map<String, Object> invoice(@PathParam("id") long id) {
    var i = invoices.require(id, null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("invoice", invoices.summaries(List.of(i)).get(0));
    out.put("lines", invoices.lines(id, host.locale()));
    out.put("payments", BillingViews.payments(invoices.payments(id)));
    return out;
  }

  /** Refunds part or all of an online payment, with a credit note. */
  @POST
  @Path("payments/{id}/refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response refund(
      @PathParam("id") long paymentId,
      @NotNull(message = "{validation.required}") @Valid BillingBodies.RefundBody body) {
    return Response.status(201)
        .entity(refunds.refund(paymentId, body.amountCents(), body.reason().strip(), by()))
        .build();
  }

  /** The régie's takings of a month ({@code 2026-11}), day by day and method, net of refunds. */
  @GET
  @Path("regies/{id}/takings")
  public List<fr.cite.payments.online.Refunds.TakingsDay> takings(
      @PathParam("id") long regieId, @QueryParam("month") String month) {
    tariffs.requireRegie(regieId);
    YearMonth m;
    try {
      m =
          month == null
              ? YearMonth.from(LocalDate.now(InvoiceIssuer.PARIS))
              : YearMonth.parse(month);
    } catch (java.time.format.DateTimeParseException e) {
      throw fr.cite.platform.problem.ProblemException.badRequest(
          "bad-parameter", "month", "2026-11");
    }
    return refunds.takings(regieId, m);
  }

  @GET
  @Path("invoices/{id}/pdf")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") long id) {
    var i = invoices.require(id, null);
    return BillingViews.pdf(i.pdf(), i.number().orElse("facture"));
  }

  /** Onboards the régie onto Stripe Connect: where the officer goes to complete the account. */
  @POST
  @Path("regies/{id}/stripe")
  public Map<String, Object> onboard(@PathParam("id") long regieId) {
    String base =
        config.publicUrl(directory.platformHostOf(tenant.require().slug()))
            + "/admin/desk/billing/";
    URI link =
        accounts.onboard(
            regieId,
            URI.create(base + "?stripe=retour&regie=" + regieId),
            URI.create(base + "?stripe=relance&regie=" + regieId),
            null);
    return Map.of("url", link.toString());
  }

  @POST
  @Path("regies/{id}/stripe/refresh")
  public RegieView refreshAccount(@PathParam("id") long regieId) {
    Regie r = tariffs.requireRegie(regieId);
    return RegieView.of(r, accounts.refresh(regieId).orElse(null));
  }
}
