package fr.cite.payments.billing;

import fr.cite.payments.domain.Tariff;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Carries billing runs on in the background, one household (drafting) or one invoice (issuing) per
 * transaction, reading households in chunks of {@value #CHUNK}. A run stopped anywhere (the server
 * stopped, PostgreSQL gone) is taken up again by the resume sweep every few seconds, from where it
 * stopped; two workers on one run only wait for each other's row locks.
 */
@ApplicationScoped
public class BillingWorker {

  private static final Logger LOG = Logger.getLogger(BillingWorker.class);

  static final int CHUNK = 200;

  @Resource ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject TenantWork work;

  @Inject BillingRuns runs;

  @Inject InvoiceIssuer issuer;

  @Inject CiteConfig config;

  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  private volatile java.util.concurrent.ScheduledFuture<?> schedule;

  /** The server's executor outlives the deployment: the sweep stops with it. */
  @jakarta.annotation.PreDestroy
  void stop() {
    java.util.concurrent.ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (scheduled.compareAndSet(false, true)) {
      long every = Long.parseLong(config.string("cite.billing.resume-seconds", "10"));
      schedule = scheduler.scheduleWithFixedDelay(this::resumeAll, every, every, TimeUnit.SECONDS);
    }
  }

  /** Starts (or joins) the run's work on this node. */
  public void kick(TenantRef town, long runId) {
    if (!running.add(runId)) {
      return;
    }
    executor.submit(
        () -> {
          org.jboss.logging.MDC.put("tenant", town.slug());
          try {
            carryOn(town, runId);
          } catch (RuntimeException e) {
            LOG.warnf(
                "Billing run %d of %s stopped (%s); it resumes by itself",
                runId, town.slug(), e.getMessage());
          } finally {
            running.remove(runId);
            org.jboss.logging.MDC.remove("tenant");
          }
        });
  }

  void resumeAll() {
    try {
      for (Object[] r : work.runAs(null, () -> runs.active())) {
        kick(
            new TenantRef(((Number) r[1]).longValue(), (String) r[2]), ((Number) r[0]).longValue());
      }
    } catch (RuntimeException e) {
      LOG.debugf("Billing resume sweep skipped: %s", e.getMessage());
    } catch (Throwable e) {
      // A periodic task that throws is never run again: whatever happened, the next sweep runs.
      LOG.warnf("Billing resume sweep failed: %s", e);
    }
  }

  void carryOn(TenantRef town, long runId) {
    BillingRun.Status status = work.runAs(town, () -> runs.require(runId).status());
    if (status == BillingRun.Status.DRAFTING) {
      draft(town, runId);
      status = work.runAs(town, () -> runs.require(runId).status());
    }
    if (status == BillingRun.Status.ISSUING) {
      issue(town, runId);
    }
  }

  void draft(TenantRef town, long runId) {
    long started = System.nanoTime();
    work.runAs(town, () -> runs.enlist(runId));
    List<Tariff> tariffs = work.runAs(town, () -> runs.tariffsOf(runId));
    BillingRuns.RunRef run = work.runAs(town, () -> runs.ref(runId));
    int year = LocalDate.now(InvoiceIssuer.PARIS).getYear();
    int done = 0;
    while (true) {
      List<Long> chunk = work.runAs(town, () -> runs.pending(runId, CHUNK));
      if (chunk.isEmpty()) {
        break;
      }
      List<HouseholdPeriod> periods = work.runAs(town, () -> runs.read(runId, chunk));
      for (HouseholdPeriod p : periods) {
        work.runAs(
            town,
            () -> {
              runs.draft(run, p, tariffs, year);
              return null;
            });
        done++;
      }
      if (periods.size() < chunk.size()) {
        // Households gone since they were enlisted: nothing to bill.
        java.util.Set<Long> read = new java.util.HashSet<>();
        periods.forEach(p -> read.add(p.householdId()));
        for (Long h : chunk) {
          if (!read.contains(h)) {
            work.runAs(
                town,
                () -> {
                  runs.draft(
                      run,
                      new HouseholdPeriod(
                          h, true, null, List.of(), List.of(), List.of(), List.of(), List.of()),
                      tariffs,
                      year);
                  return null;
                });
          }
        }
      }
    }
    if (work.runAs(town, () -> runs.finishDraft(runId))) {
      LOG.infof(
          "Billing run %d of %s drafted: %d households in %d ms",
          runId, town.slug(), done, (System.nanoTime() - started) / 1_000_000);
    }
  }

  void issue(TenantRef town, long runId) {
    long started = System.nanoTime();
    int issued = 0;
    LocalDate today = LocalDate.now(InvoiceIssuer.PARIS);
    while (true) {
      List<Long> drafts = work.runAs(town, () -> issuer.drafts(runId, CHUNK));
      if (drafts.isEmpty()) {
        break;
      }
      for (long id : drafts) {
        work.runAs(
            town,
            () -> {
              issuer.issue(id, today);
              return null;
            });
        issued++;
      }
    }
    if (work.runAs(town, () -> issuer.finish(runId))) {
      LOG.infof(
          "Billing run %d of %s issued: %d invoices in %d ms",
          runId, town.slug(), issued, (System.nanoTime() - started) / 1_000_000);
    }
  }
}
