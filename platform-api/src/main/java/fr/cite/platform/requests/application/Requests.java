package fr.cite.platform.requests.application;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.CheckedFile;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeAttachment;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FieldType;
import fr.cite.platform.requests.domain.FormCheck;
import fr.cite.platform.requests.domain.FormData;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.References;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Filing and following requests, for citizens (with an account, or with a reference and a tracking
 * code) and for agents filing on a citizen's behalf: drafts, submission with a reference per town
 * and year, replies with files. Every form is checked against its type's schema on the server;
 * every file is checked and stored in the database. The agents' side is {@link RequestDesk}.
 */
@ApplicationService
public class Requests {

  public static final ZoneId TOWN_ZONE = ZoneId.of("Europe/Paris");
  static final int MAX_MESSAGE = 5000;

  @PersistenceContext EntityManager em;

  @Inject jakarta.enterprise.event.Event<RequestSubmitted> submitted;

  @Inject RequestCatalog catalog;

  @Inject TenantContext tenant;

  @Inject RequestMails mails;

  private final Clock clock = Clock.systemUTC();

  /** A file sent with a form (its field) or a message (no field). */
  public record Upload(String field, String fileName, byte[] content) {}

  /** Everything a filing says. {@code draftReference} names an existing draft to complete. */
  public record Filing(
      String typeSlug,
      Demande.Citizen citizen,
      RequestChannel channel,
      Map<String, List<String>> values,
      List<Upload> uploads,
      boolean draft,
      Long draftId,
      DemandeEvent.Actor actor,
      String actorName,
      String language) {}

  /** A request filed: the request, and the tracking code shown once when it has no account. */
  public record Filed(Demande demande, String trackingCode) {}

  /** Creates (or completes) a request, as a draft or submitted. */
  public Filed file(Filing f) {
    RequestType type = catalog.requireActive(f.typeSlug());
    Demande.Citizen citizen = f.citizen();
    boolean account = citizen.subject() != null;
    if (f.actor() == DemandeEvent.Actor.CITIZEN && !account) {
      if (!type.anonymous()) {
        throw new ProblemException(403, "request-needs-account");
      }
      if (f.draft()) {
        throw new ProblemException(403, "request-needs-account");
      }
    }
    FormSchema schema = type.form();
    List<CheckedUpload> files = checkUploads(schema, f.uploads());
    Demande demande = null;
    if (f.draftId() != null) {
      demande = requireOwnDraft(f.draftId(), citizen.subject());
    }
    Map<String, Integer> fileCounts = new HashMap<>();
    files.forEach(u -> fileCounts.merge(u.field(), 1, Integer::sum));
    if (demande != null) {
      attachmentFields(demande.id()).forEach(field -> fileCounts.merge(field, 1, Integer::sum));
    }
    FormCheck.Result checked =
        FormCheck.check(schema, f.values(), fileCounts, f.draft(), LocalDate.now(TOWN_ZONE));
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    checked
        .violations()
        .forEach(
            v -> problems.add(new ProblemException.FieldProblem(v.field(), v.key(), v.args())));
    if (!account
        && f.actor() == DemandeEvent.Actor.CITIZEN
        && (citizen.email() == null || citizen.email().isBlank())) {
      problems.add(new ProblemException.FieldProblem("email", "validation.required", List.of()));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    if (account) {
      em.createNativeQuery(
              "insert into citizen_town (subject, tenant_id, first_at) values (?1, ?2, now())"
                  + " on conflict do nothing")
          .setParameter(1, citizen.subject())
          .setParameter(2, tenant.require().id())
          .executeUpdate();
    }
    String data = FormData.toJson(checked.data());
    if (demande == null) {
      demande = new Demande(type, citizen, f.channel(), data, clock.instant());
      em.persist(demande);
      em.flush();
      event(
          demande,
          DemandeEvent.Kind.CREATED,
          f.actor(),
          f.actorName(),
          null,
          RequestStatus.DRAFT,
          null);
    } else {
      demande.rewrite(data, clock.instant());
    }
    for (CheckedUpload u : files) {
      em.persist(new DemandeAttachment(demande, null, u.field(), u.file(), clock.instant()));
    }
    String code = null;
    if (!f.draft()) {
      String reference = nextReference();
      String hash = null;
      if (!account) {
        code = References.newTrackingCode();
        hash = References.hash(reference, code);
      }
      demande.submit(reference, hash, clock.instant());
      event(
          demande,
          DemandeEvent.Kind.SUBMITTED,
          f.actor(),
          f.actorName(),
          RequestStatus.DRAFT,
          RequestStatus.SUBMITTED,
          f.actor() == DemandeEvent.Actor.AGENT
              ? "Déposée par un agent (" + f.channel() + ")"
              : null);
      mails.submitted(demande, type, code, f.language());
      submitted.fire(new RequestSubmitted(demande.id(), type.id(), reference));
    }
    return new Filed(demande, code);
  }

  /** The reference of the town's next request this year: one row per town and year, locked. */
  String nextReference() {
    int year = LocalDate.now(TOWN_ZONE).getYear();
    Number n =
        (Number)
            em.createNativeQuery(
                    "insert into request_counter (tenant_id, year, last_value) values (?1, ?2, 1)"
                        + " on conflict (tenant_id, year) do update"
                        + " set last_value = request_counter.last_value + 1 returning last_value")
                .setParameter(1, tenant.require().id())
                .setParameter(2, year)
                .getSingleResult();
    return References.format(References.prefix(tenant.require().slug()), year, n.intValue());
  }

  private Demande requireOwnDraft(long id, String subject) {
    Demande d = em.find(Demande.class, id);
    if (d == null || subject == null || !d.citizenSubject().map(subject::equals).orElse(false)) {
      throw ProblemException.notFound("request-not-found", id);
    }
    if (d.status() != RequestStatus.DRAFT) {
      throw ProblemException.conflict("request-not-draft");
    }
    return d;
  }

  private List<String> attachmentFields(long demandeId) {
    return em.createQuery(
            "select a.field from DemandeAttachment a where a.demandeId = :id and a.field is not null",
            String.class)
        .setParameter("id", demandeId)
        .getResultList();
  }

  record CheckedUpload(String field, CheckedFile file) {}

  static List<CheckedUpload> checkUploads(FormSchema schema, List<Upload> uploads) {
    List<CheckedUpload> checked = new ArrayList<>();
    for (Upload u : uploads == null ? List.<Upload>of() : uploads) {
      if (u.content() == null || u.content().length == 0) {
        continue;
      }
      if (u.field() != null
          && schema.field(u.field()).filter(f -> f.type() == FieldType.FILE).isEmpty()) {
        throw ProblemException.unprocessable("request-unknown-field", u.field());
      }
      checked.add(new CheckedUpload(u.field(), check(u)));
    }
    return checked;
  }

  static CheckedFile check(Upload u) {
    CheckedFile.Outcome outcome = CheckedFile.check(u.fileName(), u.content());
    return outcome
        .file()
        .orElseThrow(
            () ->
                ProblemException.unprocessable(
                    "attachment-" + outcome.refusal().name().toLowerCase(java.util.Locale.ROOT),
                    u.fileName() == null ? "?" : u.fileName()));
  }

  // ---- "Mon compte"

  /** A request in the citizen's list: what it is, where it stands, when it last moved. */
  public record MineRow(
      long id,
      String reference,
      String typeFr,
      String typeEn,
      RequestStatus status,
      java.time.Instant createdAt,
      java.time.Instant updatedAt)
      implements java.io.Serializable {}

  /**
   * Every request of this citizen in this town, whatever its kind, latest activity first: one
   * query, whatever their number ({@code status} null for all, {@code typeSlug} null for all).
   */
  public List<MineRow> mine(
      String subject, RequestStatus status, String typeSlug, int first, int size) {
    return em.createQuery(
            "select new fr.cite.platform.requests.application.Requests$MineRow(d.id, d.reference,"
                + " t.nameFr, t.nameEn, d.status, d.createdAt, d.updatedAt)"
                + " from Demande d join RequestType t on t.id = d.typeId where 1 = 1"
                + " and d.citizenSubject = :subject"
                + " and (:status is null or d.status = :status)"
                + " and (:type is null or t.slug = :type)"
                + " order by d.updatedAt desc, d.id desc",
            MineRow.class)
        .setParameter("subject", subject)
        .setParameter("status", status)
        .setParameter("type", typeSlug)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  public long countMine(String subject, RequestStatus status, String typeSlug) {
    return em.createQuery(
            "select count(d) from Demande d join RequestType t on t.id = d.typeId where 1 = 1"
                + " and d.citizenSubject = :subject"
                + " and (:status is null or d.status = :status)"
                + " and (:type is null or t.slug = :type)",
            Long.class)
        .setParameter("subject", subject)
        .setParameter("status", status)
        .setParameter("type", typeSlug)
        .getSingleResult();
  }

  /** The citizen's own draft, to complete. */
  public View draft(long id, String subject) {
    return view(requireOwnDraft(id, subject), false);
  }

  // ---- following a request

  /** A request as its citizen sees it (or an agent, with notes): data, history, files. */
  public record View(
      Demande demande,
      RequestType type,
      List<DemandeEvent> events,
      List<AttachmentInfo> attachments) {}

  /** What is shown of a file (its content is read only when downloaded). */
  public record AttachmentInfo(
      long id, Long eventId, String field, String fileName, String contentType, int size) {}

  /** The signed-in citizen's own request, or 404 (another citizen's, another town's, a typo). */
  public View forCitizen(String reference, String subject) {
    Demande d = byReference(reference);
    if (subject == null || !d.citizenSubject().map(subject::equals).orElse(false)) {
      throw ProblemException.notFound("request-not-found", reference);
    }
    return view(d, false);
  }

  /** A request found by its reference and tracking code (filed without an account), or 404. */
  public View tracked(String reference, String code) {
    Demande d = byTracking(reference, code);
    return view(d, false);
  }

  Demande byTracking(String reference, String code) {
    Optional<Demande> d = findByReference(reference);
    if (d.isEmpty()
        || code == null
        || d.get().trackingHash().isEmpty()
        || !java.security.MessageDigest.isEqual(
            d.get().trackingHash().get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            References.hash(d.get().reference().orElseThrow(), code)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      throw ProblemException.notFound("request-not-found", reference);
    }
    return d.get();
  }

  View view(Demande d, boolean withNotes) {
    RequestType type = em.find(RequestType.class, d.typeId());
    List<DemandeEvent> events =
        em.createQuery(
                "select e from DemandeEvent e where e.demandeId = :id order by e.at, e.id",
                DemandeEvent.class)
            .setParameter("id", d.id())
            .getResultStream()
            .filter(e -> withNotes || e.kind().citizenSees())
            .toList();
    List<AttachmentInfo> files =
        em.createQuery(
                "select new fr.cite.platform.requests.application.Requests$AttachmentInfo("
                    + "a.id, a.eventId, a.field, a.fileName, a.contentType, a.size)"
                    + " from DemandeAttachment a where a.demandeId = :id order by a.id",
                AttachmentInfo.class)
            .setParameter("id", d.id())
            .getResultList();
    return new View(d, type, events, files);
  }

  Demande byReference(String reference) {
    return findByReference(reference)
        .orElseThrow(() -> ProblemException.notFound("request-not-found", reference));
  }

  Optional<Demande> findByReference(String reference) {
    if (reference == null || reference.length() > 32) {
      return Optional.empty();
    }
    return em.createQuery("select d from Demande d where d.reference = :ref", Demande.class)
        .setParameter("ref", reference.strip().toUpperCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  /** A file of a request the caller may see (checked by the caller of this method). */
  public DemandeAttachment attachment(Demande d, long attachmentId) {
    DemandeAttachment a = em.find(DemandeAttachment.class, attachmentId);
    if (a == null || a.demandeId() != d.id()) {
      throw ProblemException.notFound("request-not-found", d.reference().orElse("?"));
    }
    return a;
  }

  /**
   * The citizen answers (a message, a file, or both): a request waiting for them goes back to "in
   * progress".
   */
  public DemandeEvent reply(
      String reference, String subject, String citizenName, String text, Upload file) {
    Demande d = ownRequest(reference, subject);
    if (d.status().closed() || d.status() == RequestStatus.DRAFT) {
      throw ProblemException.conflict("request-closed", d.reference().orElse("?"));
    }
    String message = text == null ? null : text.strip();
    boolean hasFile = file != null && file.content() != null && file.content().length > 0;
    if ((message == null || message.isEmpty()) && !hasFile
        || (message != null && message.length() > MAX_MESSAGE)) {
      throw ProblemException.unprocessable("request-empty-message");
    }
    CheckedFile checked = hasFile ? check(file) : null;
    DemandeEvent e =
        event(
            d,
            DemandeEvent.Kind.MESSAGE,
            DemandeEvent.Actor.CITIZEN,
            citizenName,
            null,
            null,
            message == null || message.isEmpty() ? null : message);
    if (checked != null) {
      em.persist(new DemandeAttachment(d, e, null, checked, clock.instant()));
    }
    if (d.status() == RequestStatus.WAITING) {
      RequestStatus from = d.status();
      d.moveTo(RequestStatus.IN_PROGRESS, clock.instant());
      event(
          d,
          DemandeEvent.Kind.STATUS,
          DemandeEvent.Actor.SYSTEM,
          null,
          from,
          RequestStatus.IN_PROGRESS,
          null);
    } else {
      d.touched(clock.instant());
    }
    return e;
  }

  /** The request of a signed-in citizen, for replies and downloads. */
  public Demande ownRequest(String reference, String subject) {
    return forCitizen(reference, subject).demande();
  }

  DemandeEvent event(
      Demande d,
      DemandeEvent.Kind kind,
      DemandeEvent.Actor actor,
      String actorName,
      RequestStatus from,
      RequestStatus to,
      String text) {
    DemandeEvent e = new DemandeEvent(d, kind, actor, actorName, from, to, text, clock.instant());
    em.persist(e);
    em.flush();
    return e;
  }
}
