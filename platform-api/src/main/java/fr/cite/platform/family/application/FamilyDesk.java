package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Absence;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.Checked;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.FamilyDocument;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.family.domain.Quotient;
import fr.cite.platform.family.domain.Registration;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The staff's views of the family space: what waits for them (registrations, documents, quotients,
 * absences), a household search, a child's file, and the dashboard's figures.
 */
@ApplicationService
public class FamilyDesk {

  @PersistenceContext EntityManager em;

  @Inject Households households;

  @Inject FamilyFiles files;

  @Inject Bookings bookings;

  /** A registration waiting, with its child and activity. */
  public record RegistrationRow(Registration registration, Child child, Activity activity) {}

  public List<RegistrationRow> registrationsWaiting(int first, int size) {
    return em
        .createQuery(
            "select r, c, a from Registration r join Child c on c.id = r.childId join Activity a on"
                + " a.id = r.activityId where r.status in :waiting order by r.createdAt, r.id",
            Object[].class)
        .setParameter(
            "waiting", List.of(Registration.Status.PENDING, Registration.Status.WAITING_DOCUMENT))
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList()
        .stream()
        .map(o -> new RegistrationRow((Registration) o[0], (Child) o[1], (Activity) o[2]))
        .toList();
  }

  public List<FamilyDocument> documentsWaiting(int first, int size) {
    return em.createQuery(
            "select d from FamilyDocument d where d.status = :p order by d.createdAt, d.id",
            FamilyDocument.class)
        .setParameter("p", Checked.PENDING)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  public List<Quotient> quotientsWaiting() {
    return em.createQuery(
            "select q from Quotient q where q.status = :p order by q.createdAt", Quotient.class)
        .setParameter("p", Checked.PENDING)
        .setMaxResults(200)
        .getResultList();
  }

  /** An absence waiting, with its child. */
  public record AbsenceRow(Absence absence, Child child) {}

  public List<AbsenceRow> absencesWaiting() {
    return em
        .createQuery(
            "select a, c from Absence a join Child c on c.id = a.childId where a.status = :p order"
                + " by a.createdAt",
            Object[].class)
        .setParameter("p", Checked.PENDING)
        .setMaxResults(200)
        .getResultList()
        .stream()
        .map(o -> new AbsenceRow((Absence) o[0], (Child) o[1]))
        .toList();
  }

  /** Children whose name starts with the words typed (at most 50). */
  public List<Child> searchChildren(String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select c from Child c where lower(c.lastName) like :q or lower(c.firstName) like :q"
                + " or lower(concat(c.firstName, ' ', c.lastName)) like :q order by c.lastName,"
                + " c.firstName",
            Child.class)
        .setParameter("q", q.replace("%", "").replace("_", "") + "%")
        .setMaxResults(50)
        .getResultList();
  }

  /** Everything about a child, for the staff. */
  public record ChildFile(
      Child child,
      Household household,
      List<fr.cite.platform.family.domain.Guardian> guardians,
      List<Registration> registrations,
      List<FamilyDocument> documents,
      List<Quotient> quotients,
      List<Absence> absences) {}

  public Child requireChild(long id) {
    Child c = em.find(Child.class, id);
    if (c == null) {
      throw ProblemException.notFound("family-child-not-found", id);
    }
    return c;
  }

  public ChildFile childFile(long id) {
    Child c = requireChild(id);
    Household h = em.find(Household.class, c.householdId());
    return new ChildFile(
        c,
        h,
        households.guardians(h.id()),
        bookings.registrations(c.id()),
        files.documents(h.id()),
        files.quotients(h.id()),
        files.absences(c.id()));
  }

  /** Bookings per day and activity, and the occupancy, for the dashboard. */
  public record DayLoad(LocalDate day, String activity, String site, int booked, int capacity) {}

  public List<DayLoad> load(LocalDate from, LocalDate to) {
    return em
        .createQuery(
            "select s.day, a.nameFr, a.site, s.booked, s.capacity from ActivitySession s"
                + " join Activity a on a.id = s.activityId where s.day between :f and :t and"
                + " s.closedReason is null order by s.day, a.site, a.nameFr",
            Object[].class)
        .setParameter("f", from)
        .setParameter("t", to)
        .getResultList()
        .stream()
        .map(
            o ->
                new DayLoad(
                    (LocalDate) o[0], (String) o[1], (String) o[2], (Integer) o[3], (Integer) o[4]))
        .toList();
  }

  /** How many things wait for the staff. */
  public record Waiting(long registrations, long documents, long quotients, long absences) {}

  public Waiting waiting() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select (select count(*) from family_registration where status in ('PENDING',"
                        + " 'WAITING_DOCUMENT')), (select count(*) from family_document where"
                        + " status = 'PENDING' and kind not in ('QUOTIENT_CERTIFICATE',"
                        + " 'MEDICAL_CERTIFICATE')), (select count(*) from family_quotient where status"
                        + " = 'PENDING'), (select count(*) from family_absence where status ="
                        + " 'PENDING')")
                .getSingleResult();
    return new Waiting(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue(),
        ((Number) row[3]).longValue());
  }
}
