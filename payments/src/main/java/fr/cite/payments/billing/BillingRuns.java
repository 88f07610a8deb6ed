package fr.cite.payments.billing;

import fr.cite.payments.domain.Chargeable;
import fr.cite.payments.domain.PricedLine;
import fr.cite.payments.domain.Pricing;
import fr.cite.payments.domain.Tariff;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The steps of a billing run, each in the caller's transaction (the worker gives each its own): a
 * run is started once per régie and period; households are enlisted, then priced one per
 * transaction (their lines replaced, their draft invoice upserted, their state marked), so that a
 * run stopped anywhere resumes with the households still pending. Issuing is {@link InvoiceIssuer}.
 */
@ApplicationService
public class BillingRuns {

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject Tariffs tariffs;

  /** A run's figures for the progress bar. */
  public record Progress(
      long runId,
      BillingRun.Status status,
      int households,
      int done,
      int errors,
      int pending,
      int issued,
      int toIssue,
      long totalCents) {}

  /** A household the run could not price, with the reason (it blocks only itself). */
  public record HouseholdError(long householdId, String payer, String error) {}

  /**
   * Starts the run of the régie for the month, or returns the one already started (two clicks, two
   * officers, two nodes: one run). Refused for a month not over yet.
   */
  public BillingRun start(long regieId, YearMonth month, String by, LocalDate today) {
    if (!month.atEndOfMonth().isBefore(today)) {
      throw new ProblemException(409, "billing-period-not-over", month.toString());
    }
    if (em.find(Regie.class, regieId) == null) {
      throw new ProblemException(404, "regie-not-found");
    }
    return open(regieId, month, BillingRun.Kind.REGULAR, by);
  }

  /**
   * Starts (or returns the open) corrective run of a month already issued: every household is
   * priced again from today's data (a quotient validated late, a register corrected), and each line
   * that changed is cancelled and replaced; what changed nothing gives no document.
   */
  public BillingRun startCorrective(long regieId, YearMonth month, String by) {
    if (em.find(Regie.class, regieId) == null) {
      throw new ProblemException(404, "regie-not-found");
    }
    boolean issued =
        !em.createQuery(
                "select r.id from BillingRun r where r.regieId = :r and r.periodStart = :p"
                    + " and r.kind = :k and r.status = :s",
                Long.class)
            .setParameter("r", regieId)
            .setParameter("p", month.atDay(1))
            .setParameter("k", BillingRun.Kind.REGULAR)
            .setParameter("s", BillingRun.Status.ISSUED)
            .getResultList()
            .isEmpty();
    if (!issued) {
      throw new ProblemException(409, "billing-correction-needs-issued", month.toString());
    }
    return open(regieId, month, BillingRun.Kind.CORRECTIVE, by);
  }

  /**
   * The open run of that kind for the régie and month, made if there is none: the kind's partial
   * unique index (one regular run; one corrective run not issued yet) makes two starts one run.
   */
  private BillingRun open(long regieId, YearMonth month, BillingRun.Kind kind, String by) {
    boolean corrective = kind == BillingRun.Kind.CORRECTIVE;
    em.createNativeQuery(
            "insert into billing_run (id, regie_id, kind, period_start, period_end, status,"
                + " started_by, created_at) values (nextval('billing_row_seq'), ?1, ?6, ?2, ?3,"
                + " 'DRAFTING', ?4, ?5) on conflict (tenant_id, regie_id, period_start) where "
                + (corrective ? "kind = 'CORRECTIVE' and status <> 'ISSUED'" : "kind = 'REGULAR'")
                + " do nothing")
        .setParameter(1, regieId)
        .setParameter(2, month.atDay(1))
        .setParameter(3, month.atEndOfMonth())
        .setParameter(4, by)
        .setParameter(5, Instant.now())
        .setParameter(6, kind.name())
        .executeUpdate();
    var query =
        em.createQuery(
                "select r from BillingRun r where r.regieId = :r and r.periodStart = :p"
                    + " and r.kind = :k"
                    + (corrective ? " and r.status <> :s" : ""),
                BillingRun.class)
            .setParameter("r", regieId)
            .setParameter("p", month.atDay(1))
            .setParameter("k", kind);
    if (corrective) {
      query.setParameter("s", BillingRun.Status.ISSUED);
    }
    BillingRun run = query.getSingleResult();
    markActive(run.id());
    return run;
  }

  public Optional<BillingRun> find(long runId) {
    return Optional.ofNullable(em.find(BillingRun.class, runId));
  }

  public BillingRun require(long runId) {
    return find(runId).orElseThrow(() -> new ProblemException(404, "billing-run-not-found"));
  }

  public List<BillingRun> list(Long regieId) {
    return em.createQuery(
            "select r from BillingRun r where (:r is null or r.regieId = :r)"
                + " order by r.periodStart desc, r.id desc",
            BillingRun.class)
        .setParameter("r", regieId)
        .setMaxResults(200)
        .getResultList();
  }

  void markActive(long runId) {
    em.createNativeQuery(
            "insert into billing_active_run (run_id, tenant_id, since) values (?1, ?2, ?3)"
                + " on conflict do nothing")
        .setParameter(1, runId)
        .setParameter(2, tenant.require().id())
        .setParameter(3, Instant.now())
        .executeUpdate();
  }

  void markIdle(long runId) {
    em.createNativeQuery("delete from billing_active_run where run_id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
  }

  /**
   * Lists the households to price (those with a booking or a presence in the period at one of the
   * régie's activities, or an issued line a justified absence now credits); idempotent.
   */
  public int enlist(long runId) {
    BillingRun run = require(runId);
    if (run.status() != BillingRun.Status.DRAFTING) {
      return 0;
    }
    int added =
        em.createNativeQuery(
                "insert into billing_run_household (run_id, household_id, state)"
                    + " select ?1, c.household_id, 'PENDING' from family_booking b"
                    + " join family_session s on s.tenant_id = b.tenant_id and s.id = b.session_id"
                    + " join billing_activity ba on ba.tenant_id = s.tenant_id"
                    + "  and ba.activity_id = s.activity_id and ba.regie_id = ?2"
                    + " join family_child c on c.tenant_id = b.tenant_id and c.id = b.child_id"
                    + " where s.day between ?3 and ?4 and b.status <> 'WAITLIST'"
                    + " union select ?1, c.household_id, 'PENDING' from family_attendance a"
                    + " join family_session s on s.tenant_id = a.tenant_id and s.id = a.session_id"
                    + " join billing_activity ba on ba.tenant_id = s.tenant_id"
                    + "  and ba.activity_id = s.activity_id and ba.regie_id = ?2"
                    + " join family_child c on c.tenant_id = a.tenant_id and c.id = a.child_id"
                    + " where s.day between ?3 and ?4 and a.status = 'UNBOOKED_PRESENT'"
                    + " union select ?1, l.household_id, 'PENDING' from billing_line l"
                    + " join billing_invoice i on i.tenant_id = l.tenant_id and i.id = l.invoice_id"
                    + " join family_absence a on a.tenant_id = l.tenant_id"
                    + "  and a.child_id = l.child_id and a.status = 'ACCEPTED'"
                    + "  and l.day between a.first_day and a.last_day"
                    + " where i.status <> 'DRAFT' and i.regie_id = ?2"
                    + "  and l.charge_case in ('BOOKED', 'ABSENT_UNJUSTIFIED')"
                    + "  and l.amount_cents > 0"
                    + "  and not exists (select 1 from billing_line r"
                    + "   where r.tenant_id = l.tenant_id and r.reverses_line_id = l.id)"
                    // Invoiced in the period already: a corrective run may cancel what it was.
                    + " union select ?1, l.household_id, 'PENDING' from billing_line l"
                    + " join billing_invoice i on i.tenant_id = l.tenant_id and i.id = l.invoice_id"
                    + " where i.status <> 'DRAFT' and i.regie_id = ?2 and l.day between ?3 and ?4"
                    + " on conflict do nothing")
            .setParameter(1, runId)
            .setParameter(2, run.regieId())
            .setParameter(3, run.periodStart())
            .setParameter(4, run.periodEnd())
            .executeUpdate();
    em.createNativeQuery(
            "update billing_run set households_total ="
                + " (select count(*) from billing_run_household where run_id = ?1) where id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
    return added;
  }

  /** The next pending households of the run, by id. */
  @SuppressWarnings("unchecked")
  public List<Long> pending(long runId, int limit) {
    return ((List<Number>)
            em.createNativeQuery(
                    "select household_id from billing_run_household where run_id = ?1"
                        + " and state = 'PENDING' order by household_id limit ?2")
                .setParameter(1, runId)
                .setParameter(2, limit)
                .getResultList())
        .stream().map(Number::longValue).toList();
  }

  /** Reads the period of a chunk of households (no lock, no write). */
  public List<HouseholdPeriod> read(long runId, List<Long> households) {
    BillingRun run = require(runId);
    return em.unwrap(Session.class)
        .doReturningWork(
            c ->
                PeriodReader.read(
                    c, run.regieId(), run.periodStart(), run.periodEnd(), households, runId));
  }

  /** The tariff versions that may price the run's period. */
  public List<Tariff> tariffsOf(long runId) {
    BillingRun run = require(runId);
    return tariffs.ofRegie(run.regieId(), run.periodStart(), run.periodEnd());
  }

  /** The outcome of pricing one household. */
  public record Drafted(
      List<PricedLine> lines,
      List<HouseholdPeriod.Creditable> credits,
      List<HouseholdPeriod.Creditable> cancels) {

    public Drafted(List<PricedLine> lines, List<HouseholdPeriod.Creditable> credits) {
      this(lines, credits, List.of());
    }

    public long totalCents() {
      return lines.stream().mapToLong(PricedLine::amountCents).sum()
          - credits.stream().mapToLong(HouseholdPeriod.Creditable::amountCents).sum()
          - cancels.stream().mapToLong(HouseholdPeriod.Creditable::amountCents).sum();
    }

    boolean empty() {
      return lines.isEmpty() && credits.isEmpty() && cancels.isEmpty();
    }
  }

  /** Prices a household's period: the same code for the run and for the family's forecast. */
  public static Drafted price(HouseholdPeriod p, List<Tariff> tariffs) {
    List<Chargeable> days =
        fr.cite.payments.domain.BillableDays.of(
            p.children(), p.days(), p.absences(), p.quotients(), p.resident());
    List<PricedLine> lines = new ArrayList<>(days.size());
    for (Chargeable d : days) {
      lines.add(Pricing.price(tariffs, d));
    }
    return new Drafted(lines, p.credits());
  }

  /**
   * Prices one household in this transaction: locks its state row (a second worker waits, then
   * finds it done), replaces its draft lines and draft invoice, marks it done, or in error with the
   * reason and nothing written.
   */
  public void draft(RunRef run, HouseholdPeriod p, List<Tariff> tariffs, int year) {
    long runId = run.id();
    @SuppressWarnings("unchecked")
    List<Object[]> state =
        em.createNativeQuery(
                "select state, total_cents is not null from billing_run_household"
                    + " where run_id = ?1 and household_id = ?2 for update")
            .setParameter(1, runId)
            .setParameter(2, p.householdId())
            .getResultList();
    if (state.isEmpty() || !"PENDING".equals(state.get(0)[0])) {
      return;
    }
    // Drafted before (then redrafted): its draft lines and invoice are replaced. A first draft
    // has none: a household's draft commits with its state, or not at all.
    boolean replace = (Boolean) state.get(0)[1];
    Drafted drafted;
    String error = null;
    try {
      drafted = price(p, tariffs);
      if (run.kind() == BillingRun.Kind.CORRECTIVE) {
        drafted = corrected(run, p.householdId(), drafted);
      }
    } catch (Pricing.Unpriceable e) {
      drafted = null;
      error = e.getMessage();
    }
    Drafted d = drafted;
    String payer = payerJson(p.payer());
    em.unwrap(Session.class)
        .doWork(
            c -> {
              // A draft commits without waiting for its WAL to reach the disk (one flush per
              // household was most of a run's time): a crash can lose only the last households'
              // whole transactions, their PENDING state row with them, which the resumed run
              // drafts again. Issuing, which gives numbers and sends e-mails, waits as ever.
              try (var set = c.createStatement()) {
                set.execute("set local synchronous_commit to off");
              }
              if (replace) {
                execute(
                    c,
                    "delete from billing_line where run_id = ? and household_id = ?",
                    runId,
                    p.householdId());
                execute(
                    c,
                    "delete from billing_invoice where run_id = ? and household_id = ?"
                        + " and status = 'DRAFT'",
                    runId,
                    p.householdId());
              }
              if (d != null && !d.empty()) {
                long total = d.totalCents();
                long invoiceId;
                try (PreparedStatement i =
                    c.prepareStatement(
                        "insert into billing_invoice (id, regie_id, run_id, household_id, kind,"
                            + " status, year, total_cents, period_start, period_end, payer)"
                            + " values (nextval('billing_row_seq'), ?, ?, ?, ?, 'DRAFT', ?, ?, ?,"
                            + " ?, ?::jsonb) returning id")) {
                  i.setLong(1, run.regieId());
                  i.setLong(2, runId);
                  i.setLong(3, p.householdId());
                  i.setString(4, total < 0 ? "CREDIT_NOTE" : "INVOICE");
                  i.setInt(5, year);
                  i.setLong(6, Math.abs(total));
                  i.setDate(7, Date.valueOf(run.periodStart()));
                  i.setDate(8, Date.valueOf(run.periodEnd()));
                  i.setString(9, payer);
                  try (ResultSet r = i.executeQuery()) {
                    r.next();
                    invoiceId = r.getLong(1);
                  }
                }
                LineWriter.write(c, runId, p.householdId(), invoiceId, d);
              }
            });
    em.createNativeQuery(
            "update billing_run_household set state = ?3, error = ?4, total_cents = ?5"
                + " where run_id = ?1 and household_id = ?2")
        .setParameter(1, runId)
        .setParameter(2, p.householdId())
        .setParameter(3, error == null ? "DONE" : "ERROR")
        .setParameter(4, error == null ? null : error.substring(0, Math.min(500, error.length())))
        .setParameter(5, drafted == null ? null : drafted.totalCents())
        .executeUpdate();
  }

  /** What drafting a household needs of its run, read once per run. */
  public record RunRef(
      long id, BillingRun.Kind kind, long regieId, LocalDate periodStart, LocalDate periodEnd) {}

  public RunRef ref(long runId) {
    BillingRun run = require(runId);
    return new RunRef(run.id(), run.kind(), run.regieId(), run.periodStart(), run.periodEnd());
  }

  /**
   * A corrective run's lines for a household: the period priced again, against what stands invoiced
   * for it (issued lines not reversed since). A day priced the same gives nothing; a day that
   * changed gives a cancelling line (minus the original, reversing it) and its new line; a day no
   * longer charged, its cancelling line only. Credits of other months stay with regular runs.
   */
  Drafted corrected(RunRef run, long household, Drafted fresh) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select l.id, l.child_id, l.activity_id, l.session_id, l.day, l.charge_case,"
                    + " l.quantity, l.unit_cents, l.percent, l.amount_cents, i.number"
                    + " from billing_line l join billing_invoice i"
                    + "  on i.tenant_id = l.tenant_id and i.id = l.invoice_id"
                    + " where i.status <> 'DRAFT' and i.regie_id = ?1 and l.household_id = ?2"
                    + " and l.day between ?3 and ?4 and l.reverses_line_id is null"
                    + " and not exists (select 1 from billing_line r where r.tenant_id = l.tenant_id"
                    + "  and r.reverses_line_id = l.id)"
                    + " order by l.id")
            .setParameter(1, run.regieId())
            .setParameter(2, household)
            .setParameter(3, run.periodStart())
            .setParameter(4, run.periodEnd())
            .getResultList();
    Map<String, Object[]> standing = new java.util.LinkedHashMap<>();
    for (Object[] r : rows) {
      standing.put(r[1] + "/" + r[2] + "/" + r[3], r);
    }
    List<PricedLine> added = new ArrayList<>();
    List<HouseholdPeriod.Creditable> cancelled = new ArrayList<>();
    for (PricedLine l : fresh.lines()) {
      Object[] was =
          standing.remove(
              l.day().childId() + "/" + l.day().activityId() + "/" + l.day().sessionId());
      if (was != null
          && l.day().chargeCase().name().equals(was[5])
          && l.day().quantity() == ((Number) was[6]).intValue()
          && l.unitCents() == ((Number) was[7]).intValue()
          && l.percent() == ((Number) was[8]).intValue()
          && l.amountCents() == ((Number) was[9]).longValue()) {
        continue;
      }
      if (was != null) {
        cancelled.add(cancelling(was));
      }
      added.add(l);
    }
    standing.values().forEach(was -> cancelled.add(cancelling(was)));
    return new Drafted(added, List.of(), cancelled);
  }

  private static HouseholdPeriod.Creditable cancelling(Object[] was) {
    return new HouseholdPeriod.Creditable(
        ((Number) was[0]).longValue(),
        ((Number) was[1]).longValue(),
        ((Number) was[2]).longValue(),
        ((Number) was[3]).longValue(),
        ((java.sql.Date) was[4]).toLocalDate(),
        ((Number) was[9]).longValue(),
        (String) was[10]);
  }

  /** Ends the drafting once no household is pending: the run is ready for review. */
  public boolean finishDraft(long runId) {
    BillingRun run = require(runId);
    if (run.status() != BillingRun.Status.DRAFTING || !pending(runId, 1).isEmpty()) {
      return false;
    }
    em.createNativeQuery(
            "update billing_run set status = 'DRAFT', drafted_at = ?2,"
                + " households_done = (select count(*) from billing_run_household"
                + "  where run_id = ?1 and state = 'DONE'),"
                + " households_error = (select count(*) from billing_run_household"
                + "  where run_id = ?1 and state = 'ERROR') where id = ?1")
        .setParameter(1, runId)
        .setParameter(2, Instant.now())
        .executeUpdate();
    tariffs.markUsed(run.regieId(), run.periodStart(), run.periodEnd());
    markIdle(runId);
    return true;
  }

  /** Drafts the run again (after a fix: a tariff, a quotient, a register), before it is issued. */
  public void redraft(long runId) {
    BillingRun run = require(runId);
    if (run.status() != BillingRun.Status.DRAFT) {
      throw new ProblemException(409, "billing-run-not-draft");
    }
    em.createNativeQuery(
            "update billing_run_household set state = 'PENDING', error = null where run_id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
    em.createNativeQuery("update billing_run set status = 'DRAFTING' where id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
    em.refresh(run);
    markActive(runId);
  }

  public Progress progress(long runId) {
    BillingRun run = require(runId);
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select count(*), count(*) filter (where state = 'DONE'),"
                        + " count(*) filter (where state = 'ERROR'),"
                        + " count(*) filter (where state = 'PENDING'),"
                        + " (select count(*) from billing_invoice where run_id = ?1"
                        + "  and status <> 'DRAFT'),"
                        + " (select count(*) from billing_invoice where run_id = ?1"
                        + "  and status = 'DRAFT'),"
                        + " (select coalesce(sum(case when kind = 'INVOICE' then total_cents"
                        + "  else -total_cents end), 0) from billing_invoice where run_id = ?1)"
                        + " from billing_run_household where run_id = ?1")
                .setParameter(1, runId)
                .getSingleResult();
    return new Progress(
        runId,
        run.status(),
        ((Number) row[0]).intValue(),
        ((Number) row[1]).intValue(),
        ((Number) row[2]).intValue(),
        ((Number) row[3]).intValue(),
        ((Number) row[4]).intValue(),
        ((Number) row[5]).intValue(),
        ((Number) row[6]).longValue());
  }

  @SuppressWarnings("unchecked")
  public List<HouseholdError> errors(long runId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select h.household_id, (select g.name from family_guardian g"
                    + "  where g.household_id = h.household_id order by g.id limit 1), h.error"
                    + " from billing_run_household h where h.run_id = ?1 and h.state = 'ERROR'"
                    + " order by h.household_id limit 500")
            .setParameter(1, runId)
            .getResultList();
    return rows.stream()
        .map(r -> new HouseholdError(((Number) r[0]).longValue(), (String) r[1], (String) r[2]))
        .toList();
  }

  /** Runs this node must carry on (after a crash or a redeploy), whatever their town. */
  @SuppressWarnings("unchecked")
  public List<Object[]> active() {
    return em.createNativeQuery(
            "select a.run_id, a.tenant_id, t.slug from billing_active_run a"
                + " join tenant t on t.id = a.tenant_id order by a.since")
        .getResultList();
  }

  static String payerJson(HouseholdPeriod.Payer p) {
    jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
    put(b, "name", p == null ? null : p.name());
    put(b, "email", p == null ? null : p.email());
    put(b, "address", p == null ? null : p.address());
    put(b, "postcode", p == null ? null : p.postcode());
    put(b, "city", p == null ? null : p.city());
    return b.build().toString();
  }

  private static void put(jakarta.json.JsonObjectBuilder b, String k, String v) {
    if (v != null) {
      b.add(k, v);
    }
  }

  static void execute(Connection c, String sql, long a, long b) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, a);
      p.setLong(2, b);
      p.executeUpdate();
    }
  }
}
