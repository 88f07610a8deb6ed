package fr.cite.admin.provider;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.admin.web.PagedList;
import fr.cite.platform.communes.CommuneDirectory;
import fr.cite.platform.onboarding.api.OnboardingLineView;
import fr.cite.platform.onboarding.application.BulkOnboarding;
import fr.cite.platform.onboarding.application.OnboardingJobRunner;
import fr.cite.platform.onboarding.domain.OnboardingJob;
import fr.cite.platform.onboarding.domain.OnboardingLine;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.domain.TenantStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * Bulk onboarding in the provider console: a CSV of INSEE codes (with optional first
 * administrators) or the whole official list becomes a background job; the page follows its
 * progress, lists each line's outcome, pauses and resumes it.
 */
@Named("bulkImports")
@ViewScoped
public class BulkImports implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));

  /** A job as shown. */
  public record JobRow(
      long id,
      String source,
      String state,
      boolean running,
      boolean resumable,
      int total,
      int processed,
      int created,
      int skipped,
      int failed,
      int percent,
      String requestedBy,
      String createdAt)
      implements Serializable {}

  @Inject BulkOnboarding jobs;

  @Inject OnboardingJobRunner runner;

  @Inject RequestHost host;

  @Inject CommuneDirectory communes;

  private transient UploadedFile file;
  private TenantStatus status = TenantStatus.TRIAL;
  private Long selected;
  private OnboardingLine.Outcome outcome = OnboardingLine.Outcome.FAILED;

  private final PagedList<JobRow> jobList =
      new PagedList<>(
          () -> jobs.count(),
          (first, size, field, asc) -> jobs.list(first, size).stream().map(this::row).toList(),
          r -> Long.toString(r.id()));

  private final PagedList<OnboardingLineView> lineList =
      new PagedList<>(
          () -> selected == null ? 0 : jobs.countLines(selected, outcome),
          (first, size, field, asc) ->
              selected == null
                  ? List.of()
                  : jobs.lines(selected, outcome, first, size).stream()
                      .map(l -> OnboardingLineView.of(l, host.locale()))
                      .toList(),
          r -> Integer.toString(r.line()));

  JobRow row(OnboardingJob j) {
    boolean stale = jobs.isStale(j);
    OnboardingJob.State state = stale ? OnboardingJob.State.INTERRUPTED : j.state();
    String source =
        j.source() == OnboardingJob.Source.CSV
            ? j.fileName().orElse("CSV")
            : ConsoleMessages.text("bulk.officialList");
    return new JobRow(
        j.id(),
        source,
        ConsoleMessages.text("bulk.state." + state.name()),
        state == OnboardingJob.State.RUNNING,
        state.resumable(),
        j.total(),
        j.processed(),
        j.created(),
        j.skipped(),
        j.failed(),
        j.percent(),
        j.requestedBy(),
        AT.format(j.createdAt()));
  }

  /** Imports the uploaded CSV and starts the job. */
  public void importCsv() {
    if (file == null || file.getSize() == 0) {
      ConsoleMessages.error("bulk.fileRequired");
      return;
    }
    try {
      OnboardingJob job = jobs.createFromCsv(file.getFileName(), file.getContent(), status);
      runner.start(job.id());
      selected = job.id();
      ConsoleMessages.info("bulk.started", "#" + job.id());
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  /** Every current commune of the official list. */
  public void importOfficialList() {
    try {
      OnboardingJob job = jobs.createFromOfficialList(status);
      runner.start(job.id());
      selected = job.id();
      ConsoleMessages.info("bulk.started", "#" + job.id());
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void pause(long id) {
    try {
      jobs.pause(id);
      ConsoleMessages.info("bulk.paused", "#" + id);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void resume(long id) {
    try {
      runner.start(id);
      selected = id;
      ConsoleMessages.info("bulk.resumed", "#" + id);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void select(long id) {
    selected = id;
  }

  /** The selected job, fresh from the database (the page polls it while it runs). */
  public JobRow getCurrent() {
    return current.get(
        () -> selected == null ? null : jobs.find(selected).map(this::row).orElse(null));
  }

  private final fr.cite.admin.web.RenderMemo<JobRow> current = new fr.cite.admin.web.RenderMemo<>();

  public boolean isPolling() {
    JobRow current = getCurrent();
    return current != null && current.running();
  }

  public int getOfficialListSize() {
    return communes.communes().size();
  }

  public PagedList<JobRow> getJobList() {
    return jobList;
  }

  public PagedList<OnboardingLineView> getLineList() {
    return lineList;
  }

  public List<OnboardingLine.Outcome> getOutcomes() {
    return List.of(OnboardingLine.Outcome.values());
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public void setStatus(TenantStatus status) {
    this.status = status;
  }

  public Long getSelected() {
    return selected;
  }

  public void setSelected(Long selected) {
    this.selected = selected;
  }

  public OnboardingLine.Outcome getOutcome() {
    return outcome;
  }

  public void setOutcome(OnboardingLine.Outcome outcome) {
    this.outcome = outcome;
  }
}
