package fr.cite.platform.requests.application;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.CheckedFile;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeAttachment;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The agents' side of requests: the queue (filtered by service, type, status, age, assignee; sorted
 * and paged in the database), assignment, status changes with a message to the citizen (e-mailed),
 * internal notes, messages, and the dashboard's counts. Drafts are the citizens' own: agents never
 * see them.
 */
@ApplicationService
public class RequestDesk {

  @PersistenceContext EntityManager em;

  @Inject Requests requests;

  @Inject RequestMails mails;

  private final Clock clock = Clock.systemUTC();

  /** What the queue shows; null filters nothing. {@code assignee}: a subject, or "none". */
  public record QueueFilter(
      Long serviceId,
      Long typeId,
      RequestStatus status,
      boolean openOnly,
      Integer olderThanDays,
      String assignee,
      String text) {}

  /** A request in the queue. */
  public record QueueRow(
      String reference,
      String typeName,
      RequestStatus status,
      String serviceName,
      String assigneeName,
      Instant submittedAt,
      Instant updatedAt,
      String citizenName,
      String channel)
      implements java.io.Serializable {}

  private static final Map<String, String> SORTS =
      Map.of(
          "reference", "d.reference",
          "submittedAt", "d.submittedAt",
          "updatedAt", "d.updatedAt",
          "status", "d.status",
          "typeName", "t.nameFr");

  public List<QueueRow> queue(QueueFilter f, String sort, boolean ascending, int first, int size) {
    TypedQuery<QueueRow> q =
        em.createQuery(
            "select new fr.cite.platform.requests.application.RequestDesk$QueueRow(d.reference,"
                + " t.nameFr, d.status, s.nameFr, d.assigneeName, d.submittedAt, d.updatedAt,"
                + " d.citizenName, cast(d.channel as String))"
                + " from Demande d join RequestType t on t.id = d.typeId"
                + " join RequestService s on s.id = d.serviceId where 1 = 1"
                + where(f)
                + " order by "
                + SORTS.getOrDefault(sort, "d.submittedAt")
                + (ascending ? " asc" : " desc")
                + ", d.id",
            QueueRow.class);
    bind(q, f);
    return q.setFirstResult(first).setMaxResults(size).getResultList();
  }

  public long count(QueueFilter f) {
    TypedQuery<Long> q =
        em.createQuery(
            "select count(d) from Demande d join RequestType t on t.id = d.typeId"
                + " join RequestService s on s.id = d.serviceId where 1 = 1"
                + where(f),
            Long.class);
    bind(q, f);
    return q.getSingleResult();
  }

  private static String where(QueueFilter f) {
    StringBuilder w = new StringBuilder(" and d.status <> :draft");
    if (f.serviceId() != null) {
      w.append(" and d.serviceId = :service");
    }
    if (f.typeId() != null) {
      w.append(" and d.typeId = :type");
    }
    if (f.status() != null) {
      w.append(" and d.status = :status");
    } else if (f.openOnly()) {
      w.append(" and d.status not in (:closed)");
    }
    if (f.olderThanDays() != null) {
      w.append(" and d.submittedAt < :before");
    }
    if ("none".equals(f.assignee())) {
      w.append(" and d.assigneeSubject is null");
    } else if (f.assignee() != null && !f.assignee().isBlank()) {
      w.append(" and d.assigneeSubject = :assignee");
    }
    if (f.text() != null && !f.text().isBlank()) {
      w.append(" and (d.reference like :text or lower(d.citizenName) like :text)");
    }
    return w.toString();
  }

  private void bind(TypedQuery<?> q, QueueFilter f) {
    q.setParameter("draft", RequestStatus.DRAFT);
    if (f.serviceId() != null) {
      q.setParameter("service", f.serviceId());
    }
    if (f.typeId() != null) {
      q.setParameter("type", f.typeId());
    }
    if (f.status() != null) {
      q.setParameter("status", f.status());
    } else if (f.openOnly()) {
      q.setParameter("closed", List.of(RequestStatus.DONE, RequestStatus.REJECTED));
    }
    if (f.olderThanDays() != null) {
      q.setParameter("before", clock.instant().minus(java.time.Duration.ofDays(f.olderThanDays())));
    }
    if (f.assignee() != null && !f.assignee().isBlank() && !"none".equals(f.assignee())) {
      q.setParameter("assignee", f.assignee());
    }
    if (f.text() != null && !f.text().isBlank()) {
      String t = f.text().strip();
      q.setParameter(
          "text",
          "%" + t.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
    }
  }

  /** A request with everything agents see, internal notes included; drafts are not there. */
  public Requests.View detail(String reference) {
    Demande d = requests.byReference(reference);
    if (d.status() == RequestStatus.DRAFT) {
      throw ProblemException.notFound("request-not-found", reference);
    }
    return requests.view(d, true);
  }

  public void assign(String reference, String subject, String name, String by) {
    Demande d = detail(reference).demande();
    d.assignTo(subject, name, clock.instant());
    requests.event(d, DemandeEvent.Kind.ASSIGNED, DemandeEvent.Actor.AGENT, by, null, null, name);
  }

  /** Moves a request on, with a message the citizen receives by e-mail (optional). */
  public void changeStatus(String reference, RequestStatus to, String message, String by) {
    Demande d = detail(reference).demande();
    RequestStatus from = d.status();
    if (to == null || !from.agentMoves().contains(to)) {
      throw ProblemException.unprocessable(
          "request-bad-move", reference, from.name(), to == null ? "?" : to.name());
    }
    String text = message == null || message.isBlank() ? null : message.strip();
    if (text != null && text.length() > Requests.MAX_MESSAGE) {
      throw ProblemException.unprocessable("request-empty-message");
    }
    d.moveTo(to, clock.instant());
    requests.event(d, DemandeEvent.Kind.STATUS, DemandeEvent.Actor.AGENT, by, from, to, text);
    mails.statusChanged(d, em.find(RequestType.class, d.typeId()), text);
  }

  /**
   * Moves a request on because another module's record moved (a family decision, an incident's
   * status): reopened first when it was closed, nothing done when it already stands there. With
   * {@code mail} the citizen gets the usual e-mail; without, the module tells them itself.
   */
  public void follow(long demandeId, RequestStatus to, String message, String by, boolean mail) {
    Demande d = em.find(Demande.class, demandeId);
    if (d == null || d.reference().isEmpty() || d.status() == to) {
      return;
    }
    if (!d.status().agentMoves().contains(to)) {
      if (!d.status().closed()) {
        return;
      }
      move(d, RequestStatus.IN_PROGRESS, null, by, mail);
      if (to == RequestStatus.IN_PROGRESS) {
        return;
      }
    }
    move(d, to, message, by, mail);
  }

  private void move(Demande d, RequestStatus to, String message, String by, boolean mail) {
    RequestStatus from = d.status();
    String text = message == null || message.isBlank() ? null : message.strip();
    d.moveTo(to, clock.instant());
    requests.event(d, DemandeEvent.Kind.STATUS, DemandeEvent.Actor.AGENT, by, from, to, text);
    if (mail) {
      mails.statusChanged(d, em.find(RequestType.class, d.typeId()), text);
    }
  }

  /** An internal note: agents only. */
  public void note(String reference, String text, String by) {
    Demande d = detail(reference).demande();
    if (text == null || text.isBlank() || text.length() > Requests.MAX_MESSAGE) {
      throw ProblemException.unprocessable("request-empty-message");
    }
    requests.event(
        d, DemandeEvent.Kind.NOTE, DemandeEvent.Actor.AGENT, by, null, null, text.strip());
    d.touched(clock.instant());
  }

  /** A message to the citizen (e-mailed), with an optional file. */
  public void message(String reference, String text, Requests.Upload file, String by) {
    Demande d = detail(reference).demande();
    String message = text == null ? null : text.strip();
    boolean hasFile = file != null && file.content() != null && file.content().length > 0;
    if ((message == null || message.isEmpty()) && !hasFile
        || (message != null && message.length() > Requests.MAX_MESSAGE)) {
      throw ProblemException.unprocessable("request-empty-message");
    }
    CheckedFile checked = hasFile ? Requests.check(file) : null;
    DemandeEvent e =
        requests.event(
            d,
            DemandeEvent.Kind.MESSAGE,
            DemandeEvent.Actor.AGENT,
            by,
            null,
            null,
            message == null || message.isEmpty() ? null : message);
    if (checked != null) {
      em.persist(new DemandeAttachment(d, e, null, checked, clock.instant()));
    }
    d.touched(clock.instant());
    mails.agentMessage(d, em.find(RequestType.class, d.typeId()), message == null ? "" : message);
  }

  // ---- dashboard

  /** How many requests per status (drafts left out). */
  public Map<RequestStatus, Long> countsByStatus() {
    Map<RequestStatus, Long> counts = new java.util.EnumMap<>(RequestStatus.class);
    em.createQuery(
            "select d.status, count(d) from Demande d where d.status <> :draft group by d.status",
            Object[].class)
        .setParameter("draft", RequestStatus.DRAFT)
        .getResultStream()
        .forEach(r -> counts.put((RequestStatus) r[0], (Long) r[1]));
    return counts;
  }

  /** How many open requests per type name. */
  public List<Object[]> openByType() {
    return em.createQuery(
            "select t.nameFr, count(d) from Demande d join RequestType t on t.id = d.typeId where 1 = 1"
                + " and d.status not in (:closed) group by t.nameFr order by count(d) desc",
            Object[].class)
        .setParameter(
            "closed", List.of(RequestStatus.DRAFT, RequestStatus.DONE, RequestStatus.REJECTED))
        .getResultList();
  }

  /** The oldest open requests first. */
  public List<QueueRow> oldestOpen(int limit) {
    return queue(
        new QueueFilter(null, null, null, true, null, null, null), "submittedAt", true, 0, limit);
  }
}
