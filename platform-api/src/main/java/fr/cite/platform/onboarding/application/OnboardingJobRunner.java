package fr.cite.platform.onboarding.application;

import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.onboarding.domain.OnboardingJob;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.towns.application.TownOperations;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs bulk onboarding jobs in the background on the server's managed executor, one chunk after the
 * other until the job is done, paused, or fails three times in a row on the same chunk (it is then
 * interrupted, to be resumed). At start, jobs whose node stopped while running them are marked
 * interrupted.
 */
@ApplicationScoped
public class OnboardingJobRunner {

  private static final Logger LOG = Logger.getLogger(OnboardingJobRunner.class);
  private static final int ATTEMPTS = 3;

  @Resource ManagedExecutorService executor;

  @Inject BulkOnboarding jobs;

  @Inject TownOperations operations;

  @Inject Provider<CurrentCaller> caller;

  @Inject RequestContextController requestContext;

  @Resource jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

  /** Jobs this node runs: the generation of their runner, and when it last showed progress. */
  private record Runner(long generation, String requestedBy, long progressAt) {}

  private static final long NO_PROGRESS_MILLIS = 60_000;

  private final Map<Long, Runner> running = new ConcurrentHashMap<>();

  private final java.util.concurrent.atomic.AtomicBoolean watching =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Marks the job running and processes it in the background; 409 when it cannot run. */
  public OnboardingJob start(long jobId) {
    OnboardingJob job = jobs.markRunning(jobId);
    if (!running.containsKey(jobId)) {
      launch(jobId, job.requestedBy());
    }
    return job;
  }

  private void launch(long jobId, String requestedBy) {
    Runner previous = running.get(jobId);
    long generation = previous == null ? 1 : previous.generation() + 1;
    running.put(jobId, new Runner(generation, requestedBy, System.currentTimeMillis()));
    executor.submit(() -> run(jobId, requestedBy, generation));
    watch();
  }

  /**
   * Every 15 s, a runner that showed no progress for a minute (a thread stuck where nothing times
   * out, whatever the cause) is replaced by a new one: chunks take the job's row lock and only
   * process pending lines, so two runners never process a line twice, and the old one stops at its
   * next chunk as it is no longer the current generation.
   */
  private void watch() {
    if (watching.compareAndSet(false, true)) {
      watcher =
          scheduler.scheduleWithFixedDelay(
              () ->
                  running.forEach(
                      (jobId, r) -> {
                        if (System.currentTimeMillis() - r.progressAt() > NO_PROGRESS_MILLIS) {
                          LOG.warnf(
                              "Bulk onboarding job %d made no progress for a minute: its runner is"
                                  + " started again",
                              jobId);
                          launch(jobId, r.requestedBy());
                        }
                      }),
              15,
              15,
              TimeUnit.SECONDS);
    }
  }

  private volatile java.util.concurrent.ScheduledFuture<?> watcher;

  /** The server's executor outlives the deployment: the watcher stops with it. */
  @jakarta.annotation.PreDestroy
  void stopWatching() {
    java.util.concurrent.ScheduledFuture<?> w = watcher;
    if (w != null) {
      w.cancel(false);
    }
  }

  private boolean current(long jobId, long generation) {
    Runner r = running.get(jobId);
    return r != null && r.generation() == generation;
  }

  private void progressed(long jobId, long generation) {
    running.computeIfPresent(
        jobId,
        (id, r) ->
            r.generation() == generation
                ? new Runner(generation, r.requestedBy(), System.currentTimeMillis())
                : r);
  }

  private void run(long jobId, String requestedBy, long generation) {
    boolean activated = requestContext.activate();
    try {
      caller.get().authenticated("onboarding-job:" + jobId, requestedBy);
      int failures = 0;
      while (current(jobId, generation)) {
        BulkOnboarding.Chunk chunk;
        try {
          chunk = jobs.processChunk(jobId);
          progressed(jobId, generation);
          failures = 0;
          if (waitingSince.remove(jobId) != null) {
            LOG.infof("Bulk onboarding job %d goes on: the database answers again", jobId);
          }
        } catch (Exception e) {
          // Exception, not RuntimeException: a failed commit can come out of the transaction's
          // interceptor as a checked RollbackException, which would otherwise end the runner in
          // silence (found with PostgreSQL stopped during a chunk's commit).
          if (fr.cite.platform.database.DatabaseAvailability.isUnavailability(e)
              && waitForTheDatabase(jobId)) {
            progressed(jobId, generation);
            // The chunk's transaction rolled back whole: it is done again, exactly once.
            continue;
          }
          failures++;
          LOG.warnf(e, "Bulk onboarding job %d: chunk failed (attempt %d)", jobId, failures);
          if (failures >= ATTEMPTS) {
            jobs.interrupt(jobId);
            LOG.errorf(
                "Bulk onboarding job %d interrupted; resume it once the cause is fixed", jobId);
            return;
          }
          continue;
        }
        for (BulkOnboarding.Invitation invitation : chunk.invitations()) {
          invite(invitation);
          progressed(jobId, generation);
        }
        if (!chunk.more()) {
          return;
        }
      }
    } catch (Throwable e) {
      LOG.errorf(e, "Bulk onboarding job %d stopped", jobId);
    } finally {
      running.computeIfPresent(jobId, (id, r) -> r.generation() == generation ? null : r);
      if (activated) {
        requestContext.deactivate();
      }
    }
  }

  private static final long OUTAGE_LIMIT_MILLIS = 30 * 60_000;

  private final java.util.Map<Long, Long> waitingSince = new ConcurrentHashMap<>();

  /**
   * PostgreSQL does not answer: waits (1 s, doubling up to 15 s) and returns true to try the same
   * chunk again, for 30 minutes at most; then false, and the job is interrupted like after any
   * repeated failure, to be resumed by an operator.
   */
  private boolean waitForTheDatabase(long jobId) {
    long now = System.currentTimeMillis();
    long since = waitingSince.computeIfAbsent(jobId, k -> now);
    if (now - since > OUTAGE_LIMIT_MILLIS) {
      waitingSince.remove(jobId);
      return false;
    }
    long waited = now - since;
    if (waited == 0) {
      LOG.warnf("Bulk onboarding job %d waits for the database to answer again", jobId);
    }
    try {
      Thread.sleep(Math.min(15_000, Math.max(1_000, waited)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  /** Provisions the town at once (its administrator will sign in) and sends the invitation. */
  private void invite(BulkOnboarding.Invitation i) {
    try {
      operations.completeProvisioning(i.slug());
      operations.invite(i.slug(), i.email(), StaffRole.TOWN_ADMIN);
      jobs.invitationDone(i.jobId(), i.lineNo(), null);
    } catch (ProblemException e) {
      jobs.invitationDone(i.jobId(), i.lineNo(), e.code(), e.args());
    } catch (RuntimeException e) {
      LOG.warnf(e, "Bulk onboarding job %d, line %d: invitation failed", i.jobId(), i.lineNo());
      jobs.invitationDone(
          i.jobId(), i.lineNo(), "invitation-failed", i.email(), e.getClass().getSimpleName());
    }
  }
}
