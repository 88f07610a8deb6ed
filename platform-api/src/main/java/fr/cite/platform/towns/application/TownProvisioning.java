package fr.cite.platform.towns.application;

import fr.cite.platform.tenancy.application.FirstVisit;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import fr.cite.platform.tenancy.application.TownRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Completes, on its first visit, a town that was registered without its starter content (bulk
 * onboarding registers thousands of towns in minutes and leaves their ~400 rows of catalogue and
 * their identity to the day each town is first used). Concurrent first requests on one node wait
 * for one provisioning; across nodes the steps are idempotent and serialised by a database lock. A
 * failure is logged and leaves the town unprovisioned: the next request tries again.
 */
@ApplicationScoped
public class TownProvisioning implements FirstVisit {

  private static final Logger LOG = Logger.getLogger(TownProvisioning.class);

  @Inject TownOnboarding onboarding;

  @Inject TownRegistry registry;

  private final ConcurrentMap<Long, CompletableFuture<Void>> inProgress = new ConcurrentHashMap<>();

  /** Provisions the town unless it already is; returns once done (or failed). */
  @Override
  public void ensure(TenantSnapshot town) {
    if (town.provisioned()) {
      return;
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = inProgress.putIfAbsent(town.id(), mine);
    if (running != null) {
      running.join();
      return;
    }
    try {
      long started = System.nanoTime();
      onboarding.completeProvisioning(registry.findBySlug(town.slug()));
      LOG.infof(
          "Town %s provisioned on its first visit in %d ms",
          town.slug(), (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      if (fr.cite.platform.database.DatabaseAvailability.isUnavailability(e)) {
        LOG.warnf(
            "Town %s not provisioned on this visit: the database does not answer", town.slug());
      } else {
        LOG.errorf(e, "Town %s could not be provisioned on its first visit", town.slug());
      }
    } finally {
      inProgress.remove(town.id(), mine);
      mine.complete(null);
    }
  }
}
