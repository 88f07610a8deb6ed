package fr.cite.platform.onboarding.application;

import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.audit.domain.AuditEntry;
import fr.cite.platform.communes.Commune;
import fr.cite.platform.communes.CommuneDirectory;
import fr.cite.platform.communes.CommuneLookup;
import fr.cite.platform.communes.OfficialCommunes;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.onboarding.domain.OnboardingCsv;
import fr.cite.platform.onboarding.domain.OnboardingJob;
import fr.cite.platform.onboarding.domain.OnboardingLine;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantStatus;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bulk onboarding jobs, in the database: created from a CSV or the official list, processed a chunk
 * at a time (each chunk one transaction that registers its towns and records its lines' outcomes
 * together), paused, resumed. Registration only writes the platform's row of each town: its starter
 * content, catalogue and identity come when the town is first visited ({@code TownProvisioning}) or
 * at once when the line names a first administrator to invite.
 */
@ApplicationService
public class BulkOnboarding {

  private static final Logger LOG = Logger.getLogger(BulkOnboarding.class);

  /** Lines per transaction: 250 towns register in about a tenth of a second. */
  static final int CHUNK = 250;

  /** A running job whose heartbeat is older than this is taken as interrupted. */
  public static final Duration STALE = Duration.ofMinutes(2);

  /** Marks a created line whose administrator is still to be invited. */
  static final String INVITATION_PENDING = "invitation-pending";

  @PersistenceContext EntityManager em;

  @Inject CommuneDirectory communes;

  @Inject CurrentCaller caller;

  @Inject AuditLog audit;

  @Inject TenantDirectory directory;

  private final Clock clock = Clock.systemUTC();

  /** A job for the lines of a CSV; refused lines are recorded as failed at once. */
  public OnboardingJob createFromCsv(String fileName, byte[] content, TenantStatus status) {
    List<OnboardingCsv.Line> lines = OnboardingCsv.read(content);
    String name = fileName == null || fileName.isBlank() ? "towns.csv" : fileName.strip();
    return create(
        OnboardingJob.Source.CSV,
        name.length() > 255 ? name.substring(0, 255) : name,
        status,
        lines);
  }

  /** A job for every current commune of the official list, in INSEE code order. */
  public OnboardingJob createFromOfficialList(TenantStatus status) {
    OfficialCommunes list = communes.communes();
    List<OnboardingCsv.Line> lines = new ArrayList<>(list.size());
    int n = 0;
    for (Commune c :
        list.all().stream().sorted(Comparator.comparing(Commune::inseeCode)).toList()) {
      n++;
      lines.add(new OnboardingCsv.Accepted(n, c.inseeCode() + ";" + c.name(), c.inseeCode(), null));
    }
    return create(OnboardingJob.Source.OFFICIAL_LIST, null, status, lines);
  }

  private OnboardingJob create(
      OnboardingJob.Source source,
      String fileName,
      TenantStatus status,
      List<OnboardingCsv.Line> lines) {
    TenantStatus initial = status == null ? TenantStatus.TRIAL : status;
    if (initial == TenantStatus.SUSPENDED) {
      throw ProblemException.badRequest("bad-parameter", "status", initial.name());
    }
    int refused = (int) lines.stream().filter(l -> l instanceof OnboardingCsv.Refused).count();
    OnboardingJob job =
        new OnboardingJob(
            source,
            fileName,
            initial,
            lines.size(),
            refused,
            caller.displayName().orElse("?"),
            clock.instant());
    em.persist(job);
    em.flush();
    int i = 0;
    for (OnboardingCsv.Line line : lines) {
      if (line instanceof OnboardingCsv.Accepted a) {
        em.persist(
            OnboardingLine.pending(job.id(), a.lineNo(), a.raw(), a.inseeCode(), a.adminEmail()));
      } else if (line instanceof OnboardingCsv.Refused r) {
        em.persist(
            OnboardingLine.refused(
                job.id(), r.lineNo(), r.raw(), r.problemCode(), r.args().toArray()));
      }
      if (++i % 1000 == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    audit.record(
        AuditEntry.ActorKind.OPERATOR,
        null,
        "towns.bulk-job-created",
        "job " + job.id(),
        null,
        (fileName == null ? "official list" : fileName)
            + ": "
            + lines.size()
            + " lines, "
            + refused
            + " refused, status "
            + initial);
    LOG.infof(
        "Bulk onboarding job %d created from %s: %d lines (%d refused)",
        job.id(), fileName == null ? "the official list" : fileName, lines.size(), refused);
    return job;
  }

  public Optional<OnboardingJob> find(long id) {
    return Optional.ofNullable(em.find(OnboardingJob.class, id));
  }

  public OnboardingJob require(long id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("onboarding-job-not-found", id));
  }

  /** Latest first. */
  public List<OnboardingJob> list(int offset, int limit) {
    return em.createQuery(
            "select j from OnboardingJob j order by j.createdAt desc, j.id desc",
            OnboardingJob.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createQuery("select count(j) from OnboardingJob j", Long.class).getSingleResult();
  }

  /** A job's lines in file order, all or with one outcome. */
  public List<OnboardingLine> lines(
      long jobId, OnboardingLine.Outcome outcome, int offset, int limit) {
    return em.createQuery(
            "select l from OnboardingLine l where l.jobId = :job"
                + " and (:outcome is null or l.outcome = :outcome) order by l.lineNo",
            OnboardingLine.class)
        .setParameter("job", jobId)
        .setParameter("outcome", outcome)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long countLines(long jobId, OnboardingLine.Outcome outcome) {
    return em.createQuery(
            "select count(l) from OnboardingLine l where l.jobId = :job"
                + " and (:outcome is null or l.outcome = :outcome)",
            Long.class)
        .setParameter("job", jobId)
        .setParameter("outcome", outcome)
        .getSingleResult();
  }

  /**
   * Marks a job running, from paused or interrupted (or running with a stale heartbeat: its node is
   * gone). 409 when it runs or is done.
   */
  public OnboardingJob markRunning(long id) {
    OnboardingJob job = em.find(OnboardingJob.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (job == null) {
      throw ProblemException.notFound("onboarding-job-not-found", id);
    }
    if (isStale(job)) {
      job.interrupted();
    }
    if (!job.run(clock.instant())) {
      throw ProblemException.conflict("onboarding-job-not-resumable", id, job.state().name());
    }
    return job;
  }

  /** Asks a running job to stop after its current chunk. 409 unless it runs. */
  public OnboardingJob pause(long id) {
    OnboardingJob job = em.find(OnboardingJob.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (job == null) {
      throw ProblemException.notFound("onboarding-job-not-found", id);
    }
    if (!job.pause()) {
      throw ProblemException.conflict("onboarding-job-not-running", id, job.state().name());
    }
    audit.record(
        AuditEntry.ActorKind.OPERATOR, null, "towns.bulk-job-paused", "job " + id, null, null);
    return job;
  }

  /** Marks a job interrupted (its runner gave up). */
  public void interrupt(long id) {
    OnboardingJob job = em.find(OnboardingJob.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (job != null) {
      job.interrupted();
    }
  }

  public boolean isStale(OnboardingJob job) {
    return job.state() == OnboardingJob.State.RUNNING
        && job.heartbeatAt().map(h -> h.isBefore(clock.instant().minus(STALE))).orElse(true);
  }

  /** What a chunk did, and what the runner still has to do outside its transaction. */
  public record Chunk(boolean more, List<Invitation> invitations) {}

  /** A first administrator to invite to a town just registered. */
  public record Invitation(long jobId, int lineNo, String slug, String email) {}

  /**
   * Processes the next chunk of a running job's pending lines in this transaction: registers the
   * towns, records each line's outcome. Returns {@code more = false} when the job is done or no
   * longer running.
   */
  public Chunk processChunk(long jobId) {
    OnboardingJob job = em.find(OnboardingJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
    if (job == null || job.state() != OnboardingJob.State.RUNNING) {
      return new Chunk(false, List.of());
    }
    List<OnboardingLine> pending =
        em.createQuery(
                "select l from OnboardingLine l where l.jobId = :job and l.outcome = :pending"
                    + " order by l.lineNo",
                OnboardingLine.class)
            .setParameter("job", jobId)
            .setParameter("pending", OnboardingLine.Outcome.PENDING)
            .setMaxResults(CHUNK)
            .getResultList();
    List<Invitation> invitations = new ArrayList<>(invitationsLeft(jobId));
    if (pending.isEmpty()) {
      job.finished(clock.instant());
      audit.record(
          AuditEntry.ActorKind.OPERATOR,
          null,
          "towns.bulk-job-finished",
          "job " + jobId,
          null,
          job.created() + " created, " + job.skipped() + " skipped, " + job.failed() + " failed");
      LOG.infof(
          "Bulk onboarding job %d done: %d created, %d skipped, %d failed",
          jobId, job.created(), job.skipped(), job.failed());
      return new Chunk(false, invitations);
    }
    OfficialCommunes list = communes.communes();
    Map<String, Object[]> existing = existingTowns(pending);
    Instant now = clock.instant();
    int created = 0;
    int skipped = 0;
    int failed = 0;
    List<Object[]> registered = new ArrayList<>();
    for (OnboardingLine line : pending) {
      String code = line.inseeCode().orElseThrow();
      Object[] known = existing.get(code);
      if (known != null) {
        line.skipped((Long) known[0], "town-already-onboarded", known[1], code);
        skipped++;
        continue;
      }
      CommuneLookup lookup = list.lookup(code);
      if (lookup instanceof CommuneLookup.Current c) {
        Tenant t = Tenant.onboard(c.commune(), c.slug(), job.initialStatus(), now);
        em.persist(t);
        registered.add(new Object[] {line, t});
        created++;
      } else if (lookup instanceof CommuneLookup.Former f) {
        line.failed(
            "former-insee-code",
            f.code(),
            f.name().isBlank() ? f.kind().replace('-', ' ') : f.name(),
            f.current().name(),
            f.current().inseeCode());
        failed++;
      } else if (lookup instanceof CommuneLookup.Unknown u) {
        line.failed("unknown-insee-code", u.code());
        failed++;
      } else {
        line.failed("malformed-insee-code", code);
        failed++;
      }
    }
    em.flush();
    for (Object[] r : registered) {
      OnboardingLine line = (OnboardingLine) r[0];
      Tenant t = (Tenant) r[1];
      line.created(t.id());
      if (line.adminEmail().isPresent()) {
        line.note(INVITATION_PENDING);
        invitations.add(
            new Invitation(jobId, line.lineNo(), t.slug(), line.adminEmail().orElseThrow()));
      }
    }
    job.counted(created, skipped, failed, now);
    if (created > 0) {
      directory.evict();
    }
    return new Chunk(true, invitations);
  }

  /** Invitations recorded as pending by an earlier run that stopped before sending them. */
  private List<Invitation> invitationsLeft(long jobId) {
    return em.createQuery(
            "select l.lineNo, t.slug, l.adminEmail from OnboardingLine l, Tenant t"
                + " where l.jobId = :job and l.problemCode = :pending and t.id = l.tenantId"
                + " order by l.lineNo",
            Object[].class)
        .setParameter("job", jobId)
        .setParameter("pending", INVITATION_PENDING)
        .getResultStream()
        .map(r -> new Invitation(jobId, (Integer) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  /** Records the result of an invitation: cleared when sent, a problem otherwise. */
  public void invitationDone(long jobId, int lineNo, String problemCode, Object... args) {
    OnboardingLine line = em.find(OnboardingLine.class, new OnboardingLine.Key(jobId, lineNo));
    if (line != null) {
      if (problemCode == null) {
        line.note(null);
      } else {
        line.note(problemCode, args);
      }
    }
  }

  private Map<String, Object[]> existingTowns(List<OnboardingLine> lines) {
    List<String> codes = lines.stream().map(l -> l.inseeCode().orElseThrow()).toList();
    Map<String, Object[]> found = new HashMap<>();
    em.createQuery(
            "select t.inseeCode, t.id, t.officialName from Tenant t where t.inseeCode in :codes",
            Object[].class)
        .setParameter("codes", codes)
        .getResultStream()
        .forEach(r -> found.put((String) r[0], new Object[] {r[1], r[2]}));
    return found;
  }
}
