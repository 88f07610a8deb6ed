package fr.cite.payments.online;

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
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Processes webhook events after they are stored (the endpoint answers first), and on a schedule
 * catches up: events stored but not processed (a crash in between) and attempts whose Checkout
 * should have closed, re-read from Stripe (a webhook that never came).
 */
@ApplicationScoped
public class PaymentJanitor {

  private static final Logger LOG = Logger.getLogger(PaymentJanitor.class);

  @Resource ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject TenantWork work;

  @Inject PaymentEvents events;

  @Inject Checkouts checkouts;

  @Inject CiteConfig config;

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
      long every = Long.parseLong(config.string("cite.payments.janitor-seconds", "60"));
      schedule = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
    }
  }

  /** Processes a stored event in the background. */
  public void later(TenantRef town, long eventRowId) {
    executor.submit(() -> process(town, eventRowId));
  }

  void process(TenantRef town, long eventRowId) {
    org.jboss.logging.MDC.put("tenant", town.slug());
    try {
      String outcome = work.runAs(town, () -> events.process(eventRowId));
      LOG.debugf("Payment event %d of %s: %s", eventRowId, town.slug(), outcome);
    } catch (RuntimeException e) {
      LOG.warnf(
          "Payment event %d of %s not processed yet (%s); the janitor retries",
          eventRowId, town.slug(), e.getMessage());
    } finally {
      org.jboss.logging.MDC.remove("tenant");
    }
  }

  void sweep() {
    try {
      for (TenantRef town : work.runAs(null, () -> events.townsWithAccounts())) {
        Instant now = Instant.now();
        for (long id : work.runAs(town, () -> events.unprocessed(now.minusSeconds(5)))) {
          process(town, id);
        }
        for (long attempt : work.runAs(town, () -> checkouts.stale(now))) {
          try {
            work.runAs(town, () -> checkouts.apply(attempt, false));
          } catch (RuntimeException e) {
            LOG.warnf(
                "Payment attempt %d of %s not re-read: %s", attempt, town.slug(), e.getMessage());
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.debugf("Payment sweep skipped: %s", e.getMessage());
    }
  }
}
