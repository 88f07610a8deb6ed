package fr.cite.platform.onboarding.api;

import fr.cite.platform.onboarding.domain.OnboardingJob;
import java.time.Instant;

/** A bulk onboarding job as the provider API shows it. */
public record OnboardingJobView(
    long id,
    String source,
    String fileName,
    String initialStatus,
    String state,
    int total,
    int processed,
    int created,
    int skipped,
    int failed,
    int percent,
    String requestedBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  /** {@code interrupted} tells a job shown running whose node stopped. */
  public static OnboardingJobView of(OnboardingJob j, boolean interrupted) {
    return new OnboardingJobView(
        j.id(),
        j.source().name(),
        j.fileName().orElse(null),
        j.initialStatus().name(),
        interrupted ? OnboardingJob.State.INTERRUPTED.name() : j.state().name(),
        j.total(),
        j.processed(),
        j.created(),
        j.skipped(),
        j.failed(),
        j.percent(),
        j.requestedBy(),
        j.createdAt(),
        j.startedAt().orElse(null),
        j.finishedAt().orElse(null));
  }
}
