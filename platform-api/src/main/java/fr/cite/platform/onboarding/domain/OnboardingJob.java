package fr.cite.platform.onboarding.domain;

import fr.cite.platform.tenancy.domain.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A bulk onboarding job: where it comes from, where it stands, and its counts. */
@Entity
@Table(name = "onboarding_job")
public class OnboardingJob {

  /** Where the lines come from. */
  public enum Source {
    CSV,
    OFFICIAL_LIST
  }

  /** Where the job stands. */
  public enum State {
    /** Lines are being processed (by a node whose heartbeat is recent). */
    RUNNING,
    /** Stopped by an operator, or created without starting; resumable. */
    PAUSED,
    /** The node running it stopped (restart, crash); resumable. */
    INTERRUPTED,
    /** Every line has an outcome. */
    DONE;

    public boolean resumable() {
      return this == PAUSED || this == INTERRUPTED;
    }
  }

  @Id
  @SequenceGenerator(
      name = "onboarding_job_seq",
      sequenceName = "onboarding_job_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "onboarding_job_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", length = 16, nullable = false, updatable = false)
  private Source source;

  @Column(name = "file_name", length = 255, updatable = false)
  private String fileName;

  @Enumerated(EnumType.STRING)
  @Column(name = "initial_status", length = 16, nullable = false, updatable = false)
  private TenantStatus initialStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", length = 16, nullable = false)
  private State state;

  @Column(name = "total", nullable = false, updatable = false)
  private int total;

  @Column(name = "processed", nullable = false)
  private int processed;

  @Column(name = "created", nullable = false)
  private int created;

  @Column(name = "skipped", nullable = false)
  private int skipped;

  @Column(name = "failed", nullable = false)
  private int failed;

  @Column(name = "requested_by", length = 254, nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "heartbeat_at")
  private Instant heartbeatAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected OnboardingJob() {}

  public OnboardingJob(
      Source source,
      String fileName,
      TenantStatus initialStatus,
      int total,
      int failedAlready,
      String requestedBy,
      Instant now) {
    this.source = source;
    this.fileName = fileName;
    this.initialStatus = initialStatus;
    this.total = total;
    this.failed = failedAlready;
    this.processed = failedAlready;
    this.requestedBy = requestedBy;
    this.createdAt = now;
    this.state = State.PAUSED;
  }

  /** Starts or resumes; false when the job is not in a state that allows it. */
  public boolean run(Instant now) {
    if (!state.resumable()) {
      return false;
    }
    state = State.RUNNING;
    if (startedAt == null) {
      startedAt = now;
    }
    heartbeatAt = now;
    return true;
  }

  public boolean pause() {
    if (state != State.RUNNING) {
      return false;
    }
    state = State.PAUSED;
    return true;
  }

  public void interrupted() {
    if (state == State.RUNNING) {
      state = State.INTERRUPTED;
    }
  }

  /** Adds a processed chunk's outcomes. */
  public void counted(int createdNow, int skippedNow, int failedNow, Instant now) {
    created += createdNow;
    skipped += skippedNow;
    failed += failedNow;
    processed += createdNow + skippedNow + failedNow;
    heartbeatAt = now;
  }

  public void finished(Instant now) {
    state = State.DONE;
    finishedAt = now;
    heartbeatAt = now;
  }

  public Long id() {
    return id;
  }

  public Source source() {
    return source;
  }

  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  public TenantStatus initialStatus() {
    return initialStatus;
  }

  public State state() {
    return state;
  }

  public int total() {
    return total;
  }

  public int processed() {
    return processed;
  }

  public int created() {
    return created;
  }

  public int skipped() {
    return skipped;
  }

  public int failed() {
    return failed;
  }

  /** Share of lines with an outcome, 0 to 100. */
  public int percent() {
    return total == 0 ? 100 : (int) (100L * processed / total);
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  public Optional<Instant> heartbeatAt() {
    return Optional.ofNullable(heartbeatAt);
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }
}
