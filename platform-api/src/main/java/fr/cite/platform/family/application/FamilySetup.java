package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.ActivitySession;
import fr.cite.platform.family.domain.Booking;
import fr.cite.platform.family.domain.Closure;
import fr.cite.platform.family.domain.CrecheCriterion;
import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What a town's administrators set up: activities (with their sessions over the current and next
 * school years, made from the calendar), closures (a strike day cancels that day's bookings without
 * charge and tells the families), and the crèche grid.
 */
@ApplicationService
public class FamilySetup {

  private static final Logger LOG = Logger.getLogger(FamilySetup.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

  @PersistenceContext EntityManager em;

  @Inject FamilyCalendars calendars;

  @Inject Households households;

  @Inject MailSender mail;

  @Inject FamilyOffer offer;

  private final Clock clock = Clock.systemUTC();

  public List<Activity> activities() {
    return em.createQuery(
            "select a from Activity a order by a.kind, a.site, a.nameFr", Activity.class)
        .getResultList();
  }

  public List<Activity> activeActivities() {
    return em.createQuery(
            "select a from Activity a where a.active = true order by a.kind, a.site, a.nameFr",
            Activity.class)
        .getResultList();
  }

  public Optional<Activity> activity(String slug) {
    return em.createQuery("select a from Activity a where a.slug = :s", Activity.class)
        .setParameter("s", slug)
        .getResultStream()
        .findFirst();
  }

  public Activity requireActivity(long id) {
    Activity a = em.find(Activity.class, id);
    if (a == null) {
      throw ProblemException.notFound("family-activity-not-found", id);
    }
    return a;
  }

  /** Creates or updates an activity (by slug) and makes its missing sessions. */
  public Activity save(Activity.Settings s) {
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    if (!s.end().isAfter(s.start())) {
      problems.add(new ProblemException.FieldProblem("end", "family.endBeforeStart", List.of()));
    }
    if (s.weekdays() == 0) {
      problems.add(new ProblemException.FieldProblem("weekdays", "validation.required", List.of()));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    Activity a = activity(s.slug()).orElse(null);
    if (a == null) {
      a = new Activity(s);
      em.persist(a);
      em.flush();
    } else {
      a.apply(s);
      em.createNativeQuery(
              "update family_session set capacity = greatest(?1, booked) where activity_id = ?2"
                  + " and day >= current_date")
          .setParameter(1, s.capacity())
          .setParameter(2, a.id())
          .executeUpdate();
    }
    offer.changed();
    int made = makeSessions(a, FamilyCalendars.today());
    LOG.infof("Activity %s saved, %d sessions made", a.slug(), made);
    return a;
  }

  /**
   * Makes the sessions of an activity from a day to the end of the next school year, one statement
   * with the days computed here; days already there are kept. Returns how many were made.
   */
  public int makeSessions(Activity a, LocalDate from) {
    SchoolCalendar cal = calendars.current();
    LocalDate end =
        SchoolCalendar.years().stream()
            .map(SchoolCalendar.SchoolYear::end)
            .max(LocalDate::compareTo)
            .orElse(from.plusYears(1))
            .plusMonths(2);
    LocalDate start =
        SchoolCalendar.currentOrNext(from).map(SchoolCalendar.SchoolYear::start).orElse(from);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
      if (cal.runs(a.days(), a.weekdays(), d)) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      return 0;
    }
    java.sql.Date[] array = days.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new);
    int made =
        em.createNativeQuery(
                "insert into family_session (id, activity_id, day, capacity, closed_reason)"
                    + " select nextval('family_seq'), ?1, d, ?2,"
                    + " (select c.reason from family_closure c where c.day = d"
                    + "   and (c.activity_id is null or c.activity_id = ?1) limit 1)"
                    + " from unnest(cast(?3 as date[])) as d"
                    + " on conflict (tenant_id, activity_id, day) do nothing")
            .setParameter(1, a.id())
            .setParameter(2, a.capacity())
            .setParameter(3, array)
            .executeUpdate();
    return made;
  }

  public List<Closure> closures() {
    return em.createQuery("select c from Closure c order by c.day", Closure.class).getResultList();
  }

  /**
   * Closes a day for one activity or all (activityId null): its sessions are closed, their bookings
   * cancelled without charge (reason CLOSURE), and each household concerned is told by e-mail.
   * Returns how many bookings were cancelled.
   */
  public int close(Long activityId, LocalDate day, String reason, String by) {
    if (activityId != null) {
      requireActivity(activityId);
    }
    if (day.isBefore(FamilyCalendars.today())) {
      throw ProblemException.invalidFields(
          List.of(new ProblemException.FieldProblem("day", "family.dayInPast", List.of())));
    }
    boolean exists =
        !em.createQuery(
                "select c from Closure c where c.day = :d and (c.activityId = :a or (:a is null"
                    + " and c.activityId is null))",
                Closure.class)
            .setParameter("d", day)
            .setParameter("a", activityId)
            .getResultList()
            .isEmpty();
    if (exists) {
      throw ProblemException.conflict("family-closure-exists", day.toString());
    }
    em.persist(new Closure(activityId, day, reason, by, clock.instant()));
    List<ActivitySession> sessions =
        em.createQuery(
                "select s from ActivitySession s where s.day = :d and (:a is null or s.activityId"
                    + " = :a) order by s.id",
                ActivitySession.class)
            .setParameter("d", day)
            .setParameter("a", activityId)
            .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    int cancelled = 0;
    java.util.Set<Long> concerned = new java.util.HashSet<>();
    for (ActivitySession s : sessions) {
      s.close(reason);
      List<Object[]> rows =
          em.createQuery(
                  "select b, c.householdId from Booking b join Child c on c.id = b.childId where"
                      + " b.sessionId = :s and b.status <> :cancelled",
                  Object[].class)
              .setParameter("s", s.id())
              .setParameter("cancelled", Booking.Status.CANCELLED)
              .getResultList();
      for (Object[] r : rows) {
        Booking b = (Booking) r[0];
        if (b.status() == Booking.Status.BOOKED) {
          s.seatFreed();
        }
        b.cancel(Booking.CancelReason.CLOSURE, false, by, clock.instant());
        concerned.add((Long) r[1]);
        cancelled++;
      }
    }
    for (Long h : concerned) {
      for (String to : households.emails(h)) {
        mail.sendAfterCommit(
            new MailSender.Mail(
                to,
                "Fermeture exceptionnelle le " + DAY.format(day),
                "Bonjour,\n\nLe "
                    + DAY.format(day)
                    + ", l'accueil sera fermé : "
                    + reason
                    + ".\nLes réservations de vos enfants pour ce jour sont annulées et ne vous"
                    + " seront pas facturées.\n\n---\nOn "
                    + day
                    + " the service is closed ("
                    + reason
                    + "). Your children's bookings for that day are cancelled free of charge.\n"));
      }
    }
    LOG.infof("Closure on %s (%s): %d bookings cancelled", day, reason, cancelled);
    return cancelled;
  }

  /** The town's crèche grid; the default (published) one is stored the first time. */
  public List<CrecheCriterion> grid() {
    List<CrecheCriterion> grid =
        em.createQuery(
                "select c from CrecheCriterion c order by c.position, c.id", CrecheCriterion.class)
            .getResultList();
    if (!grid.isEmpty()) {
      return grid;
    }
    Map<CrecheCriterion.Code, Integer> defaults = new EnumMap<>(CrecheCriterion.Code.class);
    defaults.put(CrecheCriterion.Code.RESIDENT, 30);
    defaults.put(CrecheCriterion.Code.SIBLING, 20);
    defaults.put(CrecheCriterion.Code.BOTH_WORKING, 15);
    defaults.put(CrecheCriterion.Code.SINGLE_PARENT, 15);
    defaults.put(CrecheCriterion.Code.DISABILITY, 25);
    defaults.put(CrecheCriterion.Code.PER_MONTH_WAITING, 2);
    int position = 0;
    List<CrecheCriterion> made = new ArrayList<>();
    for (Map.Entry<CrecheCriterion.Code, Integer> e : defaults.entrySet()) {
      CrecheCriterion c = new CrecheCriterion(e.getKey(), e.getValue(), position++);
      em.persist(c);
      made.add(c);
    }
    return made;
  }

  public void weigh(CrecheCriterion.Code code, int points) {
    if (points < 0 || points > 1000) {
      throw ProblemException.invalidFields(
          List.of(
              new ProblemException.FieldProblem("points", "validation.range", List.of(1000, 0))));
    }
    grid().stream().filter(c -> c.code() == code).findFirst().ifPresent(c -> c.weigh(points));
  }
}
