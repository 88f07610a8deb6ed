package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.ActivitySession;
import fr.cite.platform.family.domain.Attendance;
import fr.cite.platform.family.domain.Booking;
import fr.cite.platform.family.domain.Checked;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.Registration;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register (pointage) of a session, taken on a phone or a tablet by activity staff: the booked
 * children with their PAI, allergies and who may pick them up, marked present or absent, a child of
 * the activity present without booking added; closed at the end of the day (the unmarked booked
 * children are then absent). Four statements whatever the number of children.
 */
@ApplicationService
public class Registers {

  @PersistenceContext EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** A session of the day, for the staff's list. */
  public record SessionRow(ActivitySession session, Activity activity) {}

  public List<SessionRow> sessionsOn(LocalDate day) {
    return em
        .createQuery(
            "select s, a from ActivitySession s join Activity a on a.id = s.activityId where s.day ="
                + " :d order by a.site, a.nameFr",
            Object[].class)
        .setParameter("d", day)
        .getResultList()
        .stream()
        .map(o -> new SessionRow((ActivitySession) o[0], (Activity) o[1]))
        .toList();
  }

  /** A child on the register. */
  public record Line(Child child, boolean booked, Attendance.Mark mark, boolean illnessDeclared) {}

  /** A session's register. */
  public record Sheet(ActivitySession session, Activity activity, List<Line> lines) {}

  public Sheet sheet(long sessionId) {
    ActivitySession s = em.find(ActivitySession.class, sessionId);
    if (s == null) {
      throw ProblemException.notFound("family-session-not-found", sessionId);
    }
    Activity a = em.find(Activity.class, s.activityId());
    List<Child> booked =
        em.createQuery(
                "select c from Booking b join Child c on c.id = b.childId where b.sessionId = :s and"
                    + " b.status = :booked",
                Child.class)
            .setParameter("s", s.id())
            .setParameter("booked", Booking.Status.BOOKED)
            .getResultList();
    Map<Long, Attendance.Mark> marks = new HashMap<>();
    List<Long> extra = new ArrayList<>();
    for (Attendance at :
        em.createQuery("select a from Attendance a where a.sessionId = :s", Attendance.class)
            .setParameter("s", s.id())
            .getResultList()) {
      marks.put(at.childId(), at.mark());
      if (at.mark() == Attendance.Mark.UNBOOKED_PRESENT) {
        extra.add(at.childId());
      }
    }
    Set<Long> ill =
        new HashSet<>(
            em.createQuery(
                    "select a.childId from Absence a where a.firstDay <= :d and a.lastDay >= :d"
                        + " and a.status <> :refused",
                    Long.class)
                .setParameter("d", s.day())
                .setParameter("refused", Checked.REFUSED)
                .getResultList());
    List<Child> all = new ArrayList<>(booked);
    Set<Long> bookedIds = new HashSet<>();
    booked.forEach(c -> bookedIds.add(c.id()));
    if (!extra.isEmpty()) {
      em
          .createQuery("select c from Child c where c.id in :ids", Child.class)
          .setParameter("ids", extra)
          .getResultList()
          .stream()
          .filter(c -> !bookedIds.contains(c.id()))
          .forEach(all::add);
    }
    all.sort(
        java.util.Comparator.comparing(Child::lastName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Child::firstName, String.CASE_INSENSITIVE_ORDER));
    List<Line> lines =
        all.stream()
            .map(
                c ->
                    new Line(
                        c, bookedIds.contains(c.id()), marks.get(c.id()), ill.contains(c.id())))
            .toList();
    return new Sheet(s, a, lines);
  }

  /**
   * Children registered to the session's activity and not booked: whom "present without booking"
   * may name.
   */
  public List<Child> unbooked(long sessionId) {
    ActivitySession s = em.find(ActivitySession.class, sessionId);
    if (s == null) {
      throw ProblemException.notFound("family-session-not-found", sessionId);
    }
    return em.createQuery(
            "select c from Registration r join Child c on c.id = r.childId where r.activityId = :a"
                + " and r.status = :accepted and r.validFrom <= :d and r.validTo >= :d and not"
                + " exists (select b from Booking b where b.childId = c.id and b.sessionId = :s and"
                + " b.status = :booked) order by c.lastName, c.firstName",
            Child.class)
        .setParameter("a", s.activityId())
        .setParameter("accepted", Registration.Status.ACCEPTED)
        .setParameter("d", s.day())
        .setParameter("s", s.id())
        .setParameter("booked", Booking.Status.BOOKED)
        .getResultList();
  }

  /** Marks a child; a child not booked can only be "present without booking". */
  public void mark(long sessionId, long childId, Attendance.Mark mark, String by) {
    ActivitySession s = em.find(ActivitySession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      throw ProblemException.notFound("family-session-not-found", sessionId);
    }
    if (s.registerClosed()) {
      throw ProblemException.conflict("family-register-closed");
    }
    if (s.day().isAfter(FamilyCalendars.today())) {
      throw ProblemException.unprocessable("family-register-future");
    }
    Child c = em.find(Child.class, childId);
    if (c == null) {
      throw ProblemException.notFound("family-child-not-found", childId);
    }
    boolean booked =
        !em.createQuery(
                "select b.id from Booking b where b.childId = :c and b.sessionId = :s and b.status"
                    + " = :booked",
                Long.class)
            .setParameter("c", childId)
            .setParameter("s", sessionId)
            .setParameter("booked", Booking.Status.BOOKED)
            .getResultList()
            .isEmpty();
    Attendance.Mark effective = mark;
    if (!booked) {
      if (mark == Attendance.Mark.ABSENT) {
        throw ProblemException.unprocessable("family-register-not-booked");
      }
      boolean registered = unbooked(sessionId).stream().anyMatch(x -> x.id().equals(childId));
      if (!registered) {
        throw ProblemException.unprocessable("family-register-not-registered");
      }
      effective = Attendance.Mark.UNBOOKED_PRESENT;
    } else if (mark == Attendance.Mark.UNBOOKED_PRESENT) {
      effective = Attendance.Mark.PRESENT;
    }
    Attendance a =
        em.createQuery(
                "select a from Attendance a where a.sessionId = :s and a.childId = :c",
                Attendance.class)
            .setParameter("s", sessionId)
            .setParameter("c", childId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (a == null) {
      em.persist(new Attendance(sessionId, childId, effective, by, clock.instant()));
    } else {
      a.mark(effective, by, clock.instant());
    }
  }

  /** Closes the register: the booked children not marked are absent. Returns how many. */
  public int close(long sessionId, String by) {
    ActivitySession s = em.find(ActivitySession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      throw ProblemException.notFound("family-session-not-found", sessionId);
    }
    if (s.registerClosed()) {
      return 0;
    }
    if (s.day().isAfter(FamilyCalendars.today())) {
      throw ProblemException.unprocessable("family-register-future");
    }
    int absent =
        em.createNativeQuery(
                "insert into family_attendance (id, session_id, child_id, status, checked_by,"
                    + " checked_at) select nextval('family_seq'), b.session_id, b.child_id,"
                    + " 'ABSENT', ?2, now() from family_booking b where b.session_id = ?1 and"
                    + " b.status = 'BOOKED' on conflict (tenant_id, session_id, child_id) do"
                    + " nothing")
            .setParameter(1, sessionId)
            .setParameter(2, by)
            .executeUpdate();
    s.closeRegister(by, clock.instant());
    return absent;
  }
}
