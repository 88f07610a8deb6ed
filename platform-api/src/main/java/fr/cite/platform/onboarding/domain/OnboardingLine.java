package fr.cite.platform.onboarding.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One line of a bulk onboarding job: what it said, and once processed what came of it (a town
 * created, skipped because it exists, or a failure with a problem code and its arguments, shown in
 * the reader's language).
 */
@Entity
@Table(name = "onboarding_job_line")
@IdClass(OnboardingLine.Key.class)
public class OnboardingLine {

  private static final String SEPARATOR = "\u001f";

  /** What came of a line. */
  public enum Outcome {
    PENDING,
    CREATED,
    SKIPPED,
    FAILED
  }

  /** Primary key: job and line number. */
  public record Key(Long jobId, Integer lineNo) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "job_id", nullable = false, updatable = false)
  private Long jobId;

  @Id
  @Column(name = "line_no", nullable = false, updatable = false)
  private Integer lineNo;

  @Column(name = "raw", length = 500, nullable = false, updatable = false)
  private String raw;

  @Column(name = "insee_code", length = 5, updatable = false)
  private String inseeCode;

  @Column(name = "admin_email", length = 254, updatable = false)
  private String adminEmail;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", length = 16, nullable = false)
  private Outcome outcome;

  @Column(name = "problem_code", length = 64)
  private String problemCode;

  @Column(name = "problem_args")
  private String problemArgs;

  @Column(name = "tenant_id")
  private Long tenantId;

  protected OnboardingLine() {}

  private OnboardingLine(long jobId, int lineNo, String raw, String inseeCode, String adminEmail) {
    this.jobId = jobId;
    this.lineNo = lineNo;
    this.raw = raw.length() > 500 ? raw.substring(0, 500) : raw;
    this.inseeCode = inseeCode;
    this.adminEmail = adminEmail;
    this.outcome = Outcome.PENDING;
  }

  public static OnboardingLine pending(
      long jobId, int lineNo, String raw, String inseeCode, String adminEmail) {
    return new OnboardingLine(jobId, lineNo, raw, inseeCode, adminEmail);
  }

  /** A line refused while reading the file: it never becomes pending. */
  public static OnboardingLine refused(
      long jobId, int lineNo, String raw, String problemCode, Object... args) {
    OnboardingLine line = new OnboardingLine(jobId, lineNo, raw, null, null);
    line.failed(problemCode, args);
    return line;
  }

  public void created(long tenantId) {
    this.outcome = Outcome.CREATED;
    this.tenantId = tenantId;
  }

  public void skipped(long existingTenantId, String problemCode, Object... args) {
    this.outcome = Outcome.SKIPPED;
    this.tenantId = existingTenantId;
    note(problemCode, args);
  }

  public void failed(String problemCode, Object... args) {
    this.outcome = Outcome.FAILED;
    note(problemCode, args);
  }

  /** A remark on a line that keeps its outcome (an invitation that could not be sent). */
  public void note(String problemCode, Object... args) {
    this.problemCode = problemCode;
    this.problemArgs = String.join(SEPARATOR, Arrays.stream(args).map(String::valueOf).toList());
  }

  public long jobId() {
    return jobId;
  }

  public int lineNo() {
    return lineNo;
  }

  public String raw() {
    return raw;
  }

  public Optional<String> inseeCode() {
    return Optional.ofNullable(inseeCode);
  }

  public Optional<String> adminEmail() {
    return Optional.ofNullable(adminEmail);
  }

  public Outcome outcome() {
    return outcome;
  }

  public Optional<String> problemCode() {
    return Optional.ofNullable(problemCode);
  }

  public List<String> problemArgs() {
    return problemArgs == null || problemArgs.isEmpty()
        ? List.of()
        : List.of(problemArgs.split(SEPARATOR, -1));
  }

  public Optional<Long> tenantId() {
    return Optional.ofNullable(tenantId);
  }
}
