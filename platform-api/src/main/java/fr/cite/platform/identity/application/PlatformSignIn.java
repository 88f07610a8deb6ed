package fr.cite.platform.identity.application;

import fr.cite.platform.config.CiteConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Registers the platform host's sign-in callback ({@code /signin/*}), the one redirect URI of the
 * portal client for every town and custom domain (see {@code SignInFlow}), when the application
 * starts, retried every few seconds while the identity provider is not reachable. Its cost does not
 * depend on the number of towns: onboarding a town registers nothing on the client.
 */
@ApplicationScoped
public class PlatformSignIn {

  private static final Logger LOG = Logger.getLogger(PlatformSignIn.class);
  private static final int MAX_ATTEMPTS = 120;

  @Inject TownIdentity identity;

  @Inject CiteConfig config;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean started = new AtomicBoolean();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (identity.isConfigured() && started.compareAndSet(false, true)) {
      scheduler.schedule(() -> attempt(1), 0, TimeUnit.SECONDS);
    }
  }

  private void attempt(int n) {
    try {
      identity.acceptRedirectUris(List.of(config.publicUrl(config.baseDomain()) + "/signin/*"));
      LOG.infof("Platform host %s accepted for sign-in", config.baseDomain());
    } catch (RuntimeException e) {
      if (n == 1 || n % 12 == 0) {
        LOG.warnf("Platform host not yet accepted for sign-in (attempt %d): %s", n, e.getMessage());
      }
      if (n < MAX_ATTEMPTS) {
        scheduler.schedule(() -> attempt(n + 1), 5, TimeUnit.SECONDS);
      }
    }
  }
}
