package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Absence;
import fr.cite.platform.family.domain.Checked;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.DocumentKind;
import fr.cite.platform.family.domain.FamilyDocument;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.family.domain.Quotient;
import fr.cite.platform.family.domain.Registration;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.CheckedFile;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A household's file: documents (checked PDFs and images, with validity dates, accepted or refused
 * by an agent, reminded before they expire), family quotients (declared with their certificate,
 * validated, effective-dated, the history kept) and absences for illness (with a medical
 * certificate, within the town's limit). Each is also a request of the common model.
 */
@ApplicationService
public class FamilyFiles {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final int DEFAULT_ABSENCE_DAYS = 8;
  static final int REMIND_DAYS_BEFORE = 30;

  @PersistenceContext EntityManager em;

  @Inject Households households;

  @Inject FamilyRequests requests;

  @Inject MailSender mail;

  private final Clock clock = Clock.systemUTC();

  /** A file sent by a parent. */
  public record Upload(String fileName, byte[] content) {}

  // ---------------------------------------------------------------- documents

  public FamilyDocument upload(
      String subject,
      Demande.Citizen citizen,
      DocumentKind kind,
      Long childId,
      Upload file,
      LocalDate validFrom,
      LocalDate validTo,
      String lang) {
    Household h = households.requireMine(subject);
    Child child = childId == null ? null : households.requireChild(subject, childId);
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    CheckedFile checked = check(file, "file", problems);
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      problems.add(Bookings.field("validTo", "validation.dates"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    FamilyDocument d =
        new FamilyDocument(
            h.id(),
            child == null ? null : child.id(),
            kind,
            checked,
            validFrom,
            validTo,
            clock.instant());
    em.persist(d);
    Demande demande =
        requests.file(
            FamilyRequests.Kind.DOCUMENT,
            citizen,
            kind.label().fr()
                + (child == null ? "" : " de " + child.fullName())
                + " : « "
                + checked.fileName()
                + " »"
                + (validTo == null ? "" : ", valable jusqu'au " + DATE.format(validTo))
                + ".",
            lang);
    d.filedAs(demande.id());
    return d;
  }

  /** Checks a file: a PDF, a JPEG or a PNG of 10 MB at most; a field problem otherwise. */
  static CheckedFile check(
      Upload file, String field, List<ProblemException.FieldProblem> problems) {
    if (file == null || file.content() == null || file.content().length == 0) {
      problems.add(Bookings.field(field, "validation.required"));
      return null;
    }
    String name =
        file.fileName() == null || file.fileName().isBlank() ? "document" : file.fileName();
    CheckedFile.Outcome o = CheckedFile.check(name, file.content());
    if (o.file().isEmpty()) {
      problems.add(
          new ProblemException.FieldProblem(
              field, "family.file." + o.refusal().name().toLowerCase(Locale.ROOT), List.of(name)));
      return null;
    }
    return o.file().get();
  }

  public List<FamilyDocument> documents(long householdId) {
    return em.createQuery(
            "select d from FamilyDocument d where d.householdId = :h order by d.createdAt desc",
            FamilyDocument.class)
        .setParameter("h", householdId)
        .getResultList();
  }

  public FamilyDocument requireDocument(long id) {
    FamilyDocument d = em.find(FamilyDocument.class, id);
    if (d == null) {
      throw ProblemException.notFound("family-document-not-found", id);
    }
    return d;
  }

  /** A parent's own document (for download), or 404. */
  public FamilyDocument myDocument(String subject, long id) {
    Household h = households.requireMine(subject);
    FamilyDocument d = em.find(FamilyDocument.class, id);
    if (d == null || d.householdId() != h.id()) {
      throw ProblemException.notFound("family-document-not-found", id);
    }
    return d;
  }

  /** An agent's verdict on a document; a refusal needs its reason. */
  public FamilyDocument checkDocument(
      long id, boolean accept, LocalDate validFrom, LocalDate validTo, String reason, String by) {
    FamilyDocument d = requireDocument(id);
    if (accept) {
      d.accept(validFrom, validTo, by, clock.instant());
      requests.decide(d.demandeId(), RequestStatus.DONE, "Document accepté.", by);
    } else {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.invalidFields(
            List.of(Bookings.field("reason", "validation.required")));
      }
      d.refuse(reason.strip(), by, clock.instant());
      requests.decide(
          d.demandeId(), RequestStatus.REJECTED, "Document refusé : " + reason.strip(), by);
    }
    return d;
  }

  /**
   * Tells households whose accepted documents expire within 30 days (once per document). Returns
   * how many reminders went out.
   */
  public int remindExpiring(LocalDate today) {
    List<FamilyDocument> expiring =
        em.createQuery(
                "select d from FamilyDocument d where d.status = :accepted and d.validTo between"
                    + " :today and :limit and d.remindedAt is null",
                FamilyDocument.class)
            .setParameter("accepted", Checked.ACCEPTED)
            .setParameter("today", today)
            .setParameter("limit", today.plusDays(REMIND_DAYS_BEFORE))
            .getResultList();
    for (FamilyDocument d : expiring) {
      for (String to : households.emails(d.householdId())) {
        mail.sendAfterCommit(
            new MailSender.Mail(
                to,
                "Votre document expire le " + DATE.format(d.validTo()),
                "Bonjour,\n\nLe document « "
                    + d.kind().label().fr()
                    + " » de votre espace famille expire le "
                    + DATE.format(d.validTo())
                    + ". Pensez à en déposer un nouveau dans Mon compte > Espace famille.\n\n---\n"
                    + "Your document \""
                    + d.kind().label().en()
                    + "\" expires on "
                    + d.validTo()
                    + ". Please upload a new one in My account > Family space.\n"));
      }
      d.reminded(clock.instant());
    }
    return expiring.size();
  }

  // ---------------------------------------------------------------- family quotient

  public Quotient declareQuotient(
      String subject,
      Demande.Citizen citizen,
      int value,
      Integer monthlyResourcesCents,
      Quotient.Source source,
      LocalDate validFrom,
      LocalDate validTo,
      Upload certificate,
      String lang) {
    Household h = households.requireMine(subject);
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    CheckedFile checked = check(certificate, "certificate", problems);
    if (value < 0 || value > 100_000) {
      problems.add(
          new ProblemException.FieldProblem("value", "validation.range", List.of(100_000, 0)));
    }
    if (validTo != null && validTo.isBefore(validFrom)) {
      problems.add(Bookings.field("validTo", "validation.dates"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    FamilyDocument doc =
        new FamilyDocument(
            h.id(),
            null,
            DocumentKind.QUOTIENT_CERTIFICATE,
            checked,
            validFrom,
            validTo,
            clock.instant());
    em.persist(doc);
    em.flush();
    Quotient q =
        new Quotient(h.id(), value, source, validFrom, validTo, doc.id(), clock.instant())
            .withResources(monthlyResourcesCents);
    em.persist(q);
    Demande d =
        requests.file(
            FamilyRequests.Kind.QUOTIENT,
            citizen,
            "Quotient familial "
                + source
                + " de "
                + value
                + " €"
                + (monthlyResourcesCents == null
                    ? ""
                    : String.format(
                        java.util.Locale.FRANCE,
                        " (ressources mensuelles %,.2f €)",
                        monthlyResourcesCents / 100.0))
                + ", valable du "
                + DATE.format(validFrom)
                + (validTo == null ? "" : " au " + DATE.format(validTo))
                + ", attestation « "
                + checked.fileName()
                + " ».",
            lang);
    q.filedAs(d.id());
    doc.filedAs(d.id());
    return q;
  }

  public List<Quotient> quotients(long householdId) {
    return em.createQuery(
            "select q from Quotient q where q.householdId = :h order by q.validFrom desc, q.id desc",
            Quotient.class)
        .setParameter("h", householdId)
        .getResultList();
  }

  /** The validated quotient on a day; none means the top bracket. */
  public Optional<Quotient> quotientOn(long householdId, LocalDate day) {
    return quotients(householdId).stream().filter(q -> q.coversDay(day)).findFirst();
  }

  public Quotient checkQuotient(
      long id,
      boolean accept,
      Integer value,
      LocalDate from,
      LocalDate to,
      String reason,
      String by) {
    Quotient q = em.find(Quotient.class, id);
    if (q == null) {
      throw ProblemException.notFound("family-quotient-not-found", id);
    }
    if (accept) {
      LocalDate f = from == null ? q.validFrom() : from;
      LocalDate t = to == null ? q.validTo() : to;
      if (t != null && t.isBefore(f)) {
        throw ProblemException.invalidFields(
            List.of(Bookings.field("validTo", "validation.dates")));
      }
      q.validate(value == null ? q.value() : value, f, t, by, clock.instant());
      if (q.documentId() != null) {
        em.find(FamilyDocument.class, q.documentId()).accept(f, t, by, clock.instant());
      }
      requests.decide(
          q.demandeId(),
          RequestStatus.DONE,
          "Quotient familial de " + q.value() + " € retenu à partir du " + DATE.format(f) + ".",
          by);
    } else {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.invalidFields(
            List.of(Bookings.field("reason", "validation.required")));
      }
      q.refuse(reason.strip(), by, clock.instant());
      requests.decide(q.demandeId(), RequestStatus.REJECTED, reason.strip(), by);
    }
    return q;
  }

  // ---------------------------------------------------------------- absences

  public Absence declareAbsence(
      String subject,
      Demande.Citizen citizen,
      long childId,
      LocalDate first,
      LocalDate last,
      Upload certificate,
      String lang) {
    Child child = households.requireChild(subject, childId);
    LocalDate today = FamilyCalendars.today();
    int limit = absenceLimit(child.id());
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    CheckedFile checked = check(certificate, "certificate", problems);
    if (last.isBefore(first)) {
      problems.add(Bookings.field("lastDay", "validation.dates"));
    }
    if (first.isAfter(today) || last.isAfter(today)) {
      problems.add(
          Bookings.field(last.isAfter(today) ? "lastDay" : "firstDay", "family.absenceInFuture"));
    }
    if (first.isBefore(today.minusDays(limit))) {
      problems.add(
          new ProblemException.FieldProblem("firstDay", "family.absenceTooOld", List.of(limit)));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    FamilyDocument doc =
        new FamilyDocument(
            child.householdId(),
            child.id(),
            DocumentKind.MEDICAL_CERTIFICATE,
            checked,
            first,
            last,
            clock.instant());
    em.persist(doc);
    em.flush();
    Absence a = new Absence(child.id(), first, last, doc.id(), clock.instant());
    em.persist(a);
    Demande d =
        requests.file(
            FamilyRequests.Kind.ABSENCE,
            citizen,
            "Absence pour maladie de "
                + child.fullName()
                + " du "
                + DATE.format(first)
                + " au "
                + DATE.format(last)
                + ", certificat médical « "
                + checked.fileName()
                + " ».",
            lang);
    a.filedAs(d.id());
    doc.filedAs(d.id());
    return a;
  }

  /** How many days back an absence may be declared: the largest limit of the child's activities. */
  int absenceLimit(long childId) {
    List<Integer> limits =
        em.createQuery(
                "select a.absenceDays from Registration r join Activity a on a.id = r.activityId"
                    + " where r.childId = :c and r.status = :accepted",
                Integer.class)
            .setParameter("c", childId)
            .setParameter("accepted", Registration.Status.ACCEPTED)
            .getResultList();
    return limits.stream().mapToInt(Integer::intValue).max().orElse(DEFAULT_ABSENCE_DAYS);
  }

  public List<Absence> absences(long childId) {
    return em.createQuery(
            "select a from Absence a where a.childId = :c order by a.firstDay desc", Absence.class)
        .setParameter("c", childId)
        .getResultList();
  }

  public Absence decideAbsence(long id, boolean accept, String reason, String by) {
    Absence a = em.find(Absence.class, id);
    if (a == null) {
      throw ProblemException.notFound("family-absence-not-found", id);
    }
    if (!accept && (reason == null || reason.isBlank())) {
      throw ProblemException.invalidFields(
          List.of(Bookings.field("reason", "validation.required")));
    }
    a.decide(
        accept ? Checked.ACCEPTED : Checked.REFUSED,
        accept ? null : reason.strip(),
        by,
        clock.instant());
    em.find(FamilyDocument.class, a.documentId()).accept(null, null, by, clock.instant());
    if (!accept) {
      em.find(FamilyDocument.class, a.documentId()).refuse(reason.strip(), by, clock.instant());
    }
    requests.decide(
        a.demandeId(),
        accept ? RequestStatus.DONE : RequestStatus.REJECTED,
        accept
            ? "Absence justifiée du "
                + DATE.format(a.firstDay())
                + " au "
                + DATE.format(a.lastDay())
                + " : les jours réservés ne seront pas facturés."
            : reason.strip(),
        by);
    return a;
  }
}
