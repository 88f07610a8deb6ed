package fr.cite.payments.billing;

import fr.cite.payments.domain.Tariff;
import fr.cite.payments.online.Payment;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * What families and the régie read: a household's invoices, balance, payments and receipts; an
 * invoice's lines; and the forecast of the current month, priced by the same code as the run.
 */
@ApplicationService
public class Invoices {

  @PersistenceContext EntityManager em;

  @Inject Tariffs tariffs;

  @Inject PaymentAvailability payable;

  @Inject TownName townName;

  /** An invoice as a family or an officer sees it. */
  public record Summary(
      long id,
      String number,
      Invoice.Kind kind,
      Invoice.Status status,
      String regie,
      LocalDate periodStart,
      LocalDate periodEnd,
      java.time.Instant issuedAt,
      LocalDate dueDate,
      long totalCents,
      long paidCents,
      long remainingCents,
      boolean payableOnline,
      Long householdId,
      String payer) {}

  /** A day's price for the calendar and the forecast. */
  public record DayPrice(
      long childId, long activityId, LocalDate day, long cents, String explanation) {}

  /** The forecast of a month: its lines so far and their total, or why it cannot be priced. */
  public record Forecast(YearMonth month, List<DayPrice> days, long totalCents, String problem) {}

  public List<Summary> ofHousehold(long householdId) {
    return summaries(
        em.createQuery(
                "select i from Invoice i where i.householdId = :h and i.status <> :d"
                    + " order by i.periodStart desc, i.id desc",
                Invoice.class)
            .setParameter("h", householdId)
            .setParameter("d", Invoice.Status.DRAFT)
            .getResultList());
  }

  public List<Summary> ofRun(long runId, int limit) {
    return summaries(
        em.createQuery(
                "select i from Invoice i where i.runId = :r order by i.householdId", Invoice.class)
            .setParameter("r", runId)
            .setMaxResults(limit)
            .getResultList());
  }

  public List<Summary> summaries(List<Invoice> invoices) {
    Map<Long, Regie> regies =
        em.createQuery("select r from Regie r", Regie.class)
            .getResultStream()
            .collect(java.util.stream.Collectors.toMap(Regie::id, r -> r));
    Map<Long, Boolean> online = new java.util.HashMap<>();
    return invoices.stream()
        .map(
            i ->
                new Summary(
                    i.id(),
                    i.number().orElse(null),
                    i.kind(),
                    i.status(),
                    regies.get(i.regieId()).nameFr(),
                    i.periodStart(),
                    i.periodEnd(),
                    i.issuedAt(),
                    i.dueDate(),
                    i.totalCents(),
                    i.paidCents(),
                    i.remainingCents(),
                    i.status() == Invoice.Status.ISSUED
                        && i.kind() == Invoice.Kind.INVOICE
                        && online.computeIfAbsent(i.regieId(), payable::online),
                    i.householdId(),
                    InvoiceIssuer.payer(i.payer()).name()))
        .toList();
  }

  /** The household's invoice, or 404 (another household's is not found). */
  public Invoice require(long invoiceId, Long householdId) {
    Invoice i = em.find(Invoice.class, invoiceId);
    if (i == null || (householdId != null && !householdId.equals(i.householdId()))) {
      throw new ProblemException(404, "invoice-not-found");
    }
    return i;
  }

  public List<InvoicePdf.Line> lines(long invoiceId, Locale locale) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.first_name, l.day, a.name_fr, l.charge_case, l.quotient, l.bracket,"
                    + " l.unit_cents, l.percent, l.amount_cents,"
                    + " case when t.unit = 'HOUR' then l.quantity else 0 end"
                    + " from billing_line l"
                    + " join family_child c on c.tenant_id = l.tenant_id and c.id = l.child_id"
                    + " left join billing_tariff t on t.tenant_id = l.tenant_id and t.id = l.tariff_id"
                    + " join family_activity a on a.tenant_id = l.tenant_id and a.id = l.activity_id"
                    + " where l.invoice_id = ?1 order by c.first_name, l.day, a.name_fr, l.id")
            .setParameter(1, invoiceId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new InvoicePdf.Line(
                    (String) r[0],
                    ((java.sql.Date) r[1]).toLocalDate(),
                    (String) r[2],
                    Explanations.of(
                        (String) r[3],
                        (Integer) r[4],
                        (String) r[5],
                        ((Number) r[6]).intValue(),
                        ((Number) r[7]).intValue(),
                        ((Number) r[9]).intValue(),
                        locale),
                    ((Number) r[8]).longValue()))
        .toList();
  }

  public List<Payment> payments(long invoiceId) {
    return em.createQuery(
            "select p from Payment p where p.invoiceId = :i order by p.receivedAt", Payment.class)
        .setParameter("i", invoiceId)
        .getResultList();
  }

  /** The payments of these invoices in one query: invoice id → its payments. */
  public Map<Long, List<Payment>> paymentsOf(List<Long> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "select p from Payment p where p.invoiceId in :i order by p.receivedAt", Payment.class)
        .setParameter("i", invoiceIds)
        .getResultStream()
        .collect(java.util.stream.Collectors.groupingBy(Payment::invoiceId));
  }

  public Optional<Payment> payment(long paymentId) {
    return Optional.ofNullable(em.find(Payment.class, paymentId));
  }

  /** The PDF of a receipt, made from the payment (it never changes either). */
  public byte[] receiptPdf(Payment p) {
    Invoice i = em.find(Invoice.class, p.invoiceId());
    Regie r = em.find(Regie.class, i.regieId());
    String town = townName.current();
    return InvoicePdf.render(
        new InvoicePdf.Document(
            InvoicePdf.Kind.RECEIPT,
            p.receiptNumber() + " — " + i.number().orElse(""),
            town,
            r.nameFr(),
            r.counterAddress(),
            r.officerName(),
            InvoiceIssuer.payer(i.payer()),
            i.periodStart(),
            i.periodEnd(),
            p.receivedAt().atZone(InvoiceIssuer.PARIS).toLocalDate(),
            null,
            List.of(),
            p.amountCents(),
            p.amountCents(),
            false,
            null));
  }

  /**
   * What the month will cost the household, from its bookings so far, by the billing run's own
   * pricing (one régie after the other): the forecast and the invoice agree on the same data.
   */
  public Forecast forecast(long householdId, YearMonth month) {
    LocalDate from = month.atDay(1);
    LocalDate to = month.atEndOfMonth();
    List<DayPrice> days = new java.util.ArrayList<>();
    long total = 0;
    String problem = null;
    for (Regie regie :
        em.createQuery("select r from Regie r order by r.id", Regie.class).getResultList()) {
      List<HouseholdPeriod> periods =
          em.unwrap(Session.class)
              .doReturningWork(
                  c -> PeriodReader.read(c, regie.id(), from, to, List.of(householdId), -1L));
      if (periods.isEmpty() || periods.get(0).days().isEmpty()) {
        continue;
      }
      // Credits of earlier invoices come with the run; the forecast shows the month's own days.
      HouseholdPeriod p = periods.get(0);
      HouseholdPeriod own =
          new HouseholdPeriod(
              p.householdId(),
              p.resident(),
              p.payer(),
              p.children(),
              p.days(),
              p.absences(),
              p.quotients(),
              List.of());
      List<Tariff> t = tariffs.ofRegie(regie.id(), from, to);
      java.util.Set<Long> hourly = new java.util.HashSet<>();
      t.stream().filter(x -> x.unit() == Tariff.Unit.HOUR).forEach(x -> hourly.add(x.id()));
      try {
        BillingRuns.Drafted d = BillingRuns.price(own, t);
        for (var l : d.lines()) {
          days.add(
              new DayPrice(
                  l.day().childId(),
                  l.day().activityId(),
                  l.day().day(),
                  l.amountCents(),
                  Explanations.of(
                      l.day().chargeCase().name(),
                      l.day().quotient(),
                      l.bracket(),
                      l.unitCents(),
                      l.percent(),
                      hourly.contains(l.tariffId()) ? l.day().quantity() : 0,
                      Locale.FRANCE)));
        }
        total += d.totalCents();
      } catch (fr.cite.payments.domain.Pricing.Unpriceable e) {
        problem = e.getMessage();
      }
    }
    return new Forecast(month, days, total, problem);
  }

  /** A day of the calendar to price: the activity and the day. */
  public record CalendarDay(long activityId, long sessionId, LocalDate day) {}

  /**
   * What each day of a child's month costs, before the parent clicks: for a booked day, what it
   * will be invoiced (so what cancelling it saves); for a day not booked, what booking it would
   * add. Priced by the run's own code on the household's month read once (one set of queries per
   * régie, whatever the number of days). Days without a tariff are left out.
   */
  public Map<Long, Long> calendarPrices(
      long householdId, long childId, YearMonth month, List<CalendarDay> days) {
    Map<Long, Long> regieOf = tariffs.regieOfActivities();
    Map<Long, Long> out = new java.util.HashMap<>();
    LocalDate from = month.atDay(1);
    LocalDate to = month.atEndOfMonth();
    Map<Long, List<CalendarDay>> byRegie =
        days.stream()
            .filter(d -> regieOf.containsKey(d.activityId()))
            .collect(java.util.stream.Collectors.groupingBy(d -> regieOf.get(d.activityId())));
    for (var e : byRegie.entrySet()) {
      long regie = e.getKey();
      List<HouseholdPeriod> periods =
          em.unwrap(Session.class)
              .doReturningWork(
                  c -> PeriodReader.read(c, regie, from, to, List.of(householdId), -1L));
      if (periods.isEmpty()) {
        continue;
      }
      HouseholdPeriod p = periods.get(0);
      List<Tariff> t = tariffs.ofRegie(regie, from, to);
      java.util.Set<Long> booked = new java.util.HashSet<>();
      p.days().stream()
          .filter(
              d ->
                  d.childId() == childId
                      && d.booking() == fr.cite.payments.domain.BillableDays.Booking.BOOKED)
          .forEach(d -> booked.add(d.sessionId()));
      for (CalendarDay d : e.getValue()) {
        List<fr.cite.payments.domain.BillableDays.Day> all = new java.util.ArrayList<>(p.days());
        if (!booked.contains(d.sessionId())) {
          all.removeIf(x -> x.sessionId() == d.sessionId() && x.childId() == childId);
          all.add(
              new fr.cite.payments.domain.BillableDays.Day(
                  childId,
                  d.activityId(),
                  d.sessionId(),
                  d.day(),
                  fr.cite.payments.domain.BillableDays.Booking.BOOKED,
                  false,
                  fr.cite.payments.domain.BillableDays.Attendance.NOT_TAKEN));
        }
        try {
          fr.cite.payments.domain.BillableDays.of(
                  p.children(), all, p.absences(), p.quotients(), p.resident())
              .stream()
              .filter(c -> c.sessionId() == d.sessionId() && c.childId() == childId)
              .findFirst()
              .ifPresent(
                  c ->
                      out.put(
                          d.sessionId(),
                          fr.cite.payments.domain.Pricing.price(t, c).amountCents()));
        } catch (fr.cite.payments.domain.Pricing.Unpriceable ignored) {
          // No tariff that day: no price shown.
        }
      }
    }
    return out;
  }
}
