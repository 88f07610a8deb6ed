package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.ActivityKind;
import fr.cite.platform.family.domain.ActivitySession;
import fr.cite.platform.family.domain.Booking;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.CutoffRule;
import fr.cite.platform.family.domain.LatePolicy;
import fr.cite.platform.family.domain.Registration;
import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registrations of children to activities and their bookings: a parent asks, an agent accepts (the
 * bookings are made from the weekly pattern, in one statement) or asks for a document; then the
 * month at a glance, booking and cancelling a day or a pattern until a date under the activity's
 * cut-off rules, and the waiting list of full sessions (seats are counted on the session's row,
 * under its lock: concurrent bookings of the last seats are decided one after another, the others
 * wait in their order of arrival and the first is promoted when a seat frees).
 */
@ApplicationService
public class Bookings {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @PersistenceContext EntityManager em;

  @Inject Households households;

  @Inject FamilyCalendars calendars;

  @Inject FamilyRequests requests;

  @Inject MailSender mail;

  private final Clock clock = Clock.systemUTC();

  /** Who makes a change: a parent follows the rules; an agent may go past a cut-off (flagged). */
  public enum Actor {
    PARENT,
    AGENT
  }

  // ---------------------------------------------------------------- registrations

  /** What a parent asks. */
  public record Application(
      long childId, long activityId, LocalDate from, LocalDate to, int weekdays) {}

  public Registration apply(String subject, Demande.Citizen citizen, Application a, String lang) {
    Child child = households.requireChild(subject, a.childId());
    Activity activity = em.find(Activity.class, a.activityId());
    if (activity == null || !activity.active()) {
      throw ProblemException.notFound("family-activity-not-found", a.activityId());
    }
    if (activity.kind() == ActivityKind.CRECHE) {
      throw ProblemException.unprocessable("family-creche-needs-application");
    }
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    LocalDate today = FamilyCalendars.today();
    if (a.from().isBefore(today)) {
      problems.add(field("from", "family.dayInPast"));
    }
    if (a.to().isBefore(a.from())) {
      problems.add(field("to", "validation.dates"));
    } else if (a.to().isAfter(a.from().plusYears(1))) {
      problems.add(field("to", "family.periodTooLong"));
    }
    if (a.weekdays() == 0) {
      problems.add(field("weekdays", "validation.required"));
    } else if ((a.weekdays() & ~activity.weekdays()) != 0) {
      problems.add(
          new ProblemException.FieldProblem(
              "weekdays",
              "family.patternOnClosedDay",
              List.of(Weekdays.label(activity.weekdays(), Locale.FRENCH))));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    long open =
        em.createQuery(
                "select count(r) from Registration r where r.childId = :c and r.activityId = :a"
                    + " and r.status in :open and r.validFrom <= :to and r.validTo >= :from",
                Long.class)
            .setParameter("c", child.id())
            .setParameter("a", activity.id())
            .setParameter(
                "open",
                List.of(
                    Registration.Status.PENDING,
                    Registration.Status.WAITING_DOCUMENT,
                    Registration.Status.ACCEPTED))
            .setParameter("from", a.from())
            .setParameter("to", a.to())
            .getSingleResult();
    if (open > 0) {
      throw ProblemException.conflict("family-registration-exists");
    }
    Registration r =
        new Registration(
            child.id(), activity.id(), a.from(), a.to(), a.weekdays(), clock.instant());
    em.persist(r);
    Demande d =
        requests.file(
            FamilyRequests.Kind.REGISTRATION,
            citizen,
            "Inscription de "
                + child.fullName()
                + " à « "
                + activity.name().fr()
                + " » ("
                + activity.site()
                + "), du "
                + DATE.format(a.from())
                + " au "
                + DATE.format(a.to())
                + ", les "
                + Weekdays.label(a.weekdays(), Locale.FRENCH)
                + ".",
            lang);
    r.filedAs(d.id());
    return r;
  }

  public List<Registration> registrations(long childId) {
    return em.createQuery(
            "select r from Registration r where r.childId = :c order by r.validFrom desc, r.id",
            Registration.class)
        .setParameter("c", childId)
        .getResultList();
  }

  /** The registrations of several children (a household's), in one query, by child. */
  public Map<Long, List<Registration>> registrations(java.util.Collection<Long> childIds) {
    Map<Long, List<Registration>> byChild = new HashMap<>();
    if (childIds.isEmpty()) {
      return byChild;
    }
    for (Registration r :
        em.createQuery(
                "select r from Registration r where r.childId in :c order by r.validFrom desc, r.id",
                Registration.class)
            .setParameter("c", childIds)
            .getResultList()) {
      byChild.computeIfAbsent(r.childId(), k -> new ArrayList<>()).add(r);
    }
    return byChild;
  }

  /** What an agent decides about a registration. */
  public enum Decision {
    ACCEPT,
    ASK_DOCUMENT,
    REFUSE
  }

  /** Decides; accepting makes the bookings of the pattern. Returns how many were booked. */
  public int decide(long registrationId, Decision decision, String message, String by) {
    Registration r = em.find(Registration.class, registrationId, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      throw ProblemException.notFound("family-registration-not-found", registrationId);
    }
    if (r.status() == Registration.Status.ACCEPTED
        || r.status() == Registration.Status.REFUSED
        || r.status() == Registration.Status.WITHDRAWN) {
      throw ProblemException.conflict("family-registration-decided", r.status().name());
    }
    String text = message == null || message.isBlank() ? null : message.strip();
    if (decision != Decision.ACCEPT && text == null) {
      throw ProblemException.invalidFields(List.of(field("message", "validation.required")));
    }
    Instant now = clock.instant();
    int booked = 0;
    switch (decision) {
      case ACCEPT -> {
        r.decide(Registration.Status.ACCEPTED, text, by, now);
        em.flush();
        booked = bookPattern(r, by);
        requests.decide(
            r.demandeId(),
            RequestStatus.DONE,
            text != null
                ? text
                : "Inscription acceptée : les jours du planning sont réservés ("
                    + booked
                    + " jours). Vous pouvez les modifier dans le calendrier de l'espace famille.",
            by);
      }
      case ASK_DOCUMENT -> {
        r.decide(Registration.Status.WAITING_DOCUMENT, text, by, now);
        requests.decide(r.demandeId(), RequestStatus.WAITING, text, by);
      }
      case REFUSE -> {
        r.decide(Registration.Status.REFUSED, text, by, now);
        requests.decide(r.demandeId(), RequestStatus.REJECTED, text, by);
      }
    }
    return booked;
  }

  /**
   * Books the registration's pattern from tomorrow (or its start) to its end, in one statement: the
   * sessions' rows are locked first (in id order, as every booking does), a seat is taken where
   * there is one and the waiting list joined where there is none; days already booked are kept.
   */
  int bookPattern(Registration r, String by) {
    LocalDate from =
        r.validFrom().isAfter(FamilyCalendars.today())
            ? r.validFrom()
            : FamilyCalendars.today().plusDays(1);
    em.createNativeQuery(
            "select id from family_session where activity_id = ?1 and day between ?2 and ?3"
                + " order by id for update")
        .setParameter(1, r.activityId())
        .setParameter(2, from)
        .setParameter(3, r.validTo())
        .getResultList();
    Number booked =
        (Number)
            em.createNativeQuery(
                    "with made as ("
                        + " insert into family_booking (id, child_id, session_id, registration_id,"
                        + "   status, late, source, waitlist_at, updated_at, updated_by)"
                        + " select nextval('family_seq'), ?1, s.id, ?2,"
                        + "   case when s.booked < s.capacity then 'BOOKED' else 'WAITLIST' end,"
                        + "   false, ?3,"
                        + "   case when s.booked < s.capacity then null else now() end, now(), ?4"
                        + " from family_session s"
                        + " where s.activity_id = ?5 and s.day between ?6 and ?7"
                        + "   and s.closed_reason is null"
                        + "   and (?8 & (1 << (extract(isodow from s.day)::int - 1))) <> 0"
                        + " on conflict (tenant_id, child_id, session_id) do nothing"
                        + " returning session_id, status),"
                        + " seats as (update family_session s set booked = s.booked + 1 from made"
                        + "   where made.session_id = s.id and made.status = 'BOOKED' returning 1)"
                        + " select count(*) from seats")
                .setParameter(1, r.childId())
                .setParameter(2, r.id())
                .setParameter(3, Booking.Source.PATTERN.name())
                .setParameter(4, by)
                .setParameter(5, r.activityId())
                .setParameter(6, from)
                .setParameter(7, r.validTo())
                .setParameter(8, r.weekdays())
                .getSingleResult();
    return booked.intValue();
  }

  /** The accepted registrations that overlap a period, for a generation of their bookings. */
  public List<Long> acceptedOverlapping(LocalDate from, LocalDate to) {
    return em.createQuery(
            "select r.id from Registration r where r.status = :accepted and r.validFrom <= :to"
                + " and r.validTo >= :from order by r.id",
            Long.class)
        .setParameter("accepted", Registration.Status.ACCEPTED)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  /**
   * Books the patterns of many registrations over a period in one statement (a new school year's
   * sessions, a generation after an import): the sessions concerned are locked in id order, the
   * free seats of each go to the registrations in the order they were accepted, the others join the
   * waiting list; days already booked are kept. Returns how many bookings were made.
   */
  public int bookPatterns(List<Long> registrationIds, LocalDate from, LocalDate to, String by) {
    if (registrationIds.isEmpty()) {
      return 0;
    }
    LocalDate start =
        from.isAfter(FamilyCalendars.today()) ? from : FamilyCalendars.today().plusDays(1);
    Long[] ids = registrationIds.toArray(Long[]::new);
    // A job's statement, not a page's: the pool's 5 s would cut a chunk short on a busy server.
    em.createNativeQuery("select set_config('statement_timeout', '60000', true)").getSingleResult();
    em.createNativeQuery(
            "select s.id from family_session s where s.activity_id in (select r.activity_id from"
                + " family_registration r where r.id = any(cast(?1 as bigint[]))) and s.day between ?2"
                + " and ?3 order by s.id for update of s")
        .setParameter(1, ids)
        .setParameter(2, start)
        .setParameter(3, to)
        .getResultList();
    Number made =
        (Number)
            em.createNativeQuery(
                    "with wanted as ("
                        + " select r.child_id, s.id as session_id, r.id as registration_id,"
                        + "   s.booked + row_number() over (partition by s.id order by r.decided_at, r.id)"
                        + "     <= s.capacity as seat"
                        + " from family_registration r join family_session s on s.activity_id = r.activity_id"
                        + "   and s.day between greatest(r.valid_from, ?2) and least(r.valid_to, ?3)"
                        + " where r.id = any(cast(?1 as bigint[])) and s.closed_reason is null"
                        + "   and (r.weekdays & (1 << (extract(isodow from s.day)::int - 1))) <> 0"
                        + "   and not exists (select 1 from family_booking b where b.child_id = r.child_id"
                        + "     and b.session_id = s.id)),"
                        + " made as (insert into family_booking (id, child_id, session_id, registration_id,"
                        + "   status, late, source, waitlist_at, updated_at, updated_by)"
                        + " select nextval('family_seq'), child_id, session_id, registration_id,"
                        + "   case when seat then 'BOOKED' else 'WAITLIST' end, false, 'PATTERN',"
                        + "   case when seat then null else clock_timestamp() end, now(), ?4 from wanted"
                        + " on conflict (tenant_id, child_id, session_id) do nothing"
                        + " returning session_id, status),"
                        + " seats as (update family_session s set booked = s.booked + m.n from (select"
                        + "   session_id, count(*) as n from made where status = 'BOOKED' group by session_id) m"
                        + "   where m.session_id = s.id returning 1)"
                        + " select (select count(*) from made) + 0 * (select count(*) from seats)")
                .setParameter(1, ids)
                .setParameter(2, start)
                .setParameter(3, to)
                .setParameter(4, by)
                .getSingleResult();
    return made.intValue();
  }

  /** Same, for a crèche contract (source CONTRACT); used by {@link Creches}. */
  int bookContract(Registration r, String by) {
    int n = bookPattern(r, by);
    em.createNativeQuery("update family_booking set source = 'CONTRACT' where registration_id = ?1")
        .setParameter(1, r.id())
        .executeUpdate();
    return n;
  }

  // ---------------------------------------------------------------- the month at a glance

  /** What a day of an activity looks like to a parent. */
  public enum DayState {
    BOOKED,
    WAITLIST,
    CANCELLED,
    AVAILABLE,
    FULL,
    CLOSED,
    PAST,
    DEADLINE_PASSED,
    NOT_OPEN
  }

  /** A day of an activity in the calendar, and what the parent may do. */
  public record DayView(
      LocalDate day,
      long sessionId,
      DayState state,
      boolean late,
      Integer waitlistPosition,
      ZonedDateTime changeUntil,
      boolean canBook,
      boolean canCancel,
      boolean lateChange,
      String closedReason,
      int seatsLeft) {}

  /** An activity the child is registered to, with its days of the month. */
  public record ActivityMonth(Activity activity, Registration registration, List<DayView> days) {}

  /** A child's month. */
  public record Month(Child child, YearMonth month, List<ActivityMonth> activities) {}

  public Month month(String subject, long childId, YearMonth month) {
    return month(households.requireChild(subject, childId), month);
  }

  /** The month of a child: a constant number of statements whatever the bookings. */
  public Month month(Child child, YearMonth month) {
    LocalDate start = month.atDay(1);
    LocalDate end = month.atEndOfMonth();
    List<Object[]> regs =
        em.createQuery(
                "select r, a from Registration r join Activity a on a.id = r.activityId where"
                    + " r.childId = :c and r.status = :accepted and r.validFrom <= :end and"
                    + " r.validTo >= :start order by a.kind, a.nameFr",
                Object[].class)
            .setParameter("c", child.id())
            .setParameter("accepted", Registration.Status.ACCEPTED)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList();
    if (regs.isEmpty()) {
      return new Month(child, month, List.of());
    }
    List<Long> activityIds = regs.stream().map(o -> ((Activity) o[1]).id()).toList();
    List<ActivitySession> sessions =
        em.createQuery(
                "select s from ActivitySession s where s.activityId in :a and s.day between :start"
                    + " and :end order by s.day",
                ActivitySession.class)
            .setParameter("a", activityIds)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList();
    Map<Long, Booking> bookings = new HashMap<>();
    Map<Long, Integer> positions = new HashMap<>();
    if (!sessions.isEmpty()) {
      List<Long> sessionIds = sessions.stream().map(ActivitySession::id).toList();
      for (Booking b :
          em.createQuery(
                  "select b from Booking b where b.childId = :c and b.sessionId in :s",
                  Booking.class)
              .setParameter("c", child.id())
              .setParameter("s", sessionIds)
              .getResultList()) {
        bookings.put(b.sessionId(), b);
      }
      if (bookings.values().stream().anyMatch(b -> b.status() == Booking.Status.WAITLIST)) {
        positions.putAll(positions(child.id(), sessionIds));
      }
    }
    SchoolCalendar cal = calendars.current();
    Instant now = clock.instant();
    Map<Long, ActivityMonth> byActivity = new LinkedHashMap<>();
    Map<Long, List<DayView>> days = new HashMap<>();
    for (Object[] o : regs) {
      Activity a = (Activity) o[1];
      if (!byActivity.containsKey(a.id())) {
        List<DayView> list = new ArrayList<>();
        days.put(a.id(), list);
        byActivity.put(a.id(), new ActivityMonth(a, (Registration) o[0], list));
      }
    }
    for (ActivitySession s : sessions) {
      ActivityMonth am = byActivity.get(s.activityId());
      if (!am.registration().covers(s.day())) {
        continue;
      }
      days.get(s.activityId())
          .add(view(am.activity(), s, bookings.get(s.id()), positions, cal, now));
    }
    return new Month(child, month, List.copyOf(byActivity.values()));
  }

  Map<Long, Integer> positions(long childId, List<Long> sessionIds) {
    Map<Long, Integer> positions = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select b.session_id, (select count(*) from family_booking w where w.session_id ="
                    + " b.session_id and w.status = 'WAITLIST' and (w.waitlist_at < b.waitlist_at"
                    + " or (w.waitlist_at = b.waitlist_at and w.id < b.id))) + 1"
                    + " from family_booking b where b.child_id = ?1 and b.status = 'WAITLIST'"
                    + " and b.session_id = any(cast(?2 as bigint[]))")
            .setParameter(1, childId)
            .setParameter(2, sessionIds.toArray(Long[]::new))
            .getResultList();
    for (Object[] r : rows) {
      positions.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
    }
    return positions;
  }

  DayView view(
      Activity a,
      ActivitySession s,
      Booking b,
      Map<Long, Integer> positions,
      SchoolCalendar cal,
      Instant now) {
    LocalDate today = now.atZone(FamilyCalendars.TOWN_ZONE).toLocalDate();
    Booking.Status status = b == null ? Booking.Status.CANCELLED : b.status();
    boolean active = status == Booking.Status.BOOKED || status == Booking.Status.WAITLIST;
    CutoffRule rule = active ? a.cancelRule() : a.bookRule();
    CutoffRule.Verdict verdict = rule.check(s.day(), now, cal);
    boolean lateAllowed = a.latePolicy() == LatePolicy.SURCHARGE;
    boolean changeable =
        !s.closed()
            && !s.day().isBefore(today)
            && (verdict == CutoffRule.Verdict.OPEN
                || (verdict == CutoffRule.Verdict.PASSED && lateAllowed));
    DayState state;
    if (s.closed()) {
      state = DayState.CLOSED;
    } else if (status == Booking.Status.BOOKED) {
      state = DayState.BOOKED;
    } else if (status == Booking.Status.WAITLIST) {
      state = DayState.WAITLIST;
    } else if (s.day().isBefore(today)) {
      state = DayState.PAST;
    } else if (verdict == CutoffRule.Verdict.NOT_YET_OPEN) {
      state = DayState.NOT_OPEN;
    } else if (verdict == CutoffRule.Verdict.PASSED && !lateAllowed) {
      state = DayState.DEADLINE_PASSED;
    } else if (b != null) {
      state = s.hasSeat() ? DayState.CANCELLED : DayState.FULL;
    } else {
      state = s.hasSeat() ? DayState.AVAILABLE : DayState.FULL;
    }
    return new DayView(
        s.day(),
        s.id(),
        state,
        b != null && b.late(),
        status == Booking.Status.WAITLIST ? positions.get(s.id()) : null,
        rule.deadline(s.day(), cal),
        changeable && !active,
        changeable && active,
        changeable && verdict == CutoffRule.Verdict.PASSED,
        s.closedReason(),
        Math.max(0, s.capacity() - s.booked()));
  }

  // ---------------------------------------------------------------- booking and cancelling

  /** What became of a day asked. */
  public enum Outcome {
    BOOKED,
    BOOKED_LATE,
    WAITLISTED,
    CANCELLED,
    CANCELLED_LATE,
    UNCHANGED,
    REFUSED
  }

  /** The outcome of a day, with the problem code when refused. */
  public record DayOutcome(
      LocalDate day, long sessionId, Outcome outcome, String problem, Integer position) {}

  /** Books a day for a parent's child; a refusal is a problem (422) naming the rule. */
  public DayOutcome book(String subject, long childId, long sessionId) {
    Child c = households.requireChild(subject, childId);
    return orThrow(change(c, sessionId, true, Actor.PARENT, subject));
  }

  public DayOutcome cancel(String subject, long childId, long sessionId) {
    Child c = households.requireChild(subject, childId);
    return orThrow(change(c, sessionId, false, Actor.PARENT, subject));
  }

  /** An agent's change for a child (past a cut-off: accepted and flagged late). */
  public DayOutcome changeAsAgent(long childId, long sessionId, boolean book, String by) {
    Child c = em.find(Child.class, childId);
    if (c == null) {
      throw ProblemException.notFound("family-child-not-found", childId);
    }
    return orThrow(change(c, sessionId, book, Actor.AGENT, by));
  }

  /** A pattern asked: every given weekday of an activity between two dates. */
  public record Pattern(
      long activityId, int weekdays, LocalDate from, LocalDate until, boolean book) {}

  /**
   * Books or cancels every matching day ("every Wednesday until the holidays"): each day is decided
   * on its own, under its session's lock taken in id order; the outcome of each is returned.
   */
  public List<DayOutcome> pattern(String subject, long childId, Pattern p) {
    Child c = households.requireChild(subject, childId);
    if (p.until().isBefore(p.from())) {
      throw ProblemException.invalidFields(List.of(field("until", "validation.dates")));
    }
    if (p.until().isAfter(p.from().plusYears(1))) {
      throw ProblemException.invalidFields(List.of(field("until", "family.periodTooLong")));
    }
    if (p.weekdays() == 0) {
      throw ProblemException.invalidFields(List.of(field("weekdays", "validation.required")));
    }
    List<Object[]> days =
        em.createQuery(
                "select s.id, s.day from ActivitySession s where s.activityId = :a and s.day"
                    + " between :f and :u order by s.id",
                Object[].class)
            .setParameter("a", p.activityId())
            .setParameter("f", p.from())
            .setParameter("u", p.until())
            .getResultList();
    List<DayOutcome> outcomes = new ArrayList<>();
    for (Object[] d : days) {
      if (Weekdays.contains(p.weekdays(), ((LocalDate) d[1]).getDayOfWeek())) {
        outcomes.add(change(c, (Long) d[0], p.book(), Actor.PARENT, subject));
      }
    }
    outcomes.sort(java.util.Comparator.comparing(DayOutcome::day));
    return outcomes;
  }

  private static DayOutcome orThrow(DayOutcome o) {
    if (o.outcome() == Outcome.REFUSED) {
      throw ProblemException.unprocessable(o.problem(), o.day().toString());
    }
    return o;
  }

  DayOutcome change(Child child, long sessionId, boolean book, Actor actor, String by) {
    ActivitySession s = em.find(ActivitySession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      throw ProblemException.notFound("family-session-not-found", sessionId);
    }
    em.refresh(s);
    Activity a = em.find(Activity.class, s.activityId());
    LocalDate day = s.day();
    Registration r =
        em.createQuery(
                "select r from Registration r where r.childId = :c and r.activityId = :a and"
                    + " r.status = :accepted and r.validFrom <= :d and r.validTo >= :d",
                Registration.class)
            .setParameter("c", child.id())
            .setParameter("a", a.id())
            .setParameter("accepted", Registration.Status.ACCEPTED)
            .setParameter("d", day)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (r == null) {
      return refused(s, "family-booking-outside-registration");
    }
    if (s.closed()) {
      return refused(s, "family-session-closed");
    }
    Instant now = clock.instant();
    if (day.isBefore(now.atZone(FamilyCalendars.TOWN_ZONE).toLocalDate())) {
      return refused(s, "family-day-past");
    }
    Booking b =
        em.createQuery(
                "select b from Booking b where b.childId = :c and b.sessionId = :s", Booking.class)
            .setParameter("c", child.id())
            .setParameter("s", s.id())
            .getResultStream()
            .findFirst()
            .orElse(null);
    boolean active =
        b != null && (b.status() == Booking.Status.BOOKED || b.status() == Booking.Status.WAITLIST);
    if (book == active) {
      return new DayOutcome(day, s.id(), Outcome.UNCHANGED, null, null);
    }
    CutoffRule rule = book ? a.bookRule() : a.cancelRule();
    CutoffRule.Verdict verdict = rule.check(day, now, calendars.current());
    boolean late = false;
    if (verdict == CutoffRule.Verdict.NOT_YET_OPEN && actor == Actor.PARENT) {
      return refused(s, "family-booking-not-open");
    }
    if (verdict == CutoffRule.Verdict.PASSED) {
      if (actor == Actor.AGENT || a.latePolicy() == LatePolicy.SURCHARGE) {
        late = true;
      } else if (a.latePolicy() == LatePolicy.AGENT_ONLY) {
        return refused(s, "family-change-agent-only");
      } else {
        return refused(
            s, book ? "family-booking-deadline-passed" : "family-cancel-deadline-passed");
      }
    }
    if (b == null) {
      b = new Booking(child.id(), s.id(), r.id(), source(actor), by, now);
      em.persist(b);
    }
    if (book) {
      if (s.hasSeat()) {
        b.book(late, source(actor), by, now);
        s.seatTaken();
        return new DayOutcome(day, s.id(), late ? Outcome.BOOKED_LATE : Outcome.BOOKED, null, null);
      }
      b.waitlist(by, now);
      em.flush();
      int position = positions(child.id(), List.of(s.id())).getOrDefault(s.id(), 1);
      return new DayOutcome(day, s.id(), Outcome.WAITLISTED, null, position);
    }
    boolean wasBooked = b.status() == Booking.Status.BOOKED;
    b.cancel(
        actor == Actor.AGENT ? Booking.CancelReason.AGENT : Booking.CancelReason.PARENT,
        late,
        by,
        now);
    if (wasBooked) {
      s.seatFreed();
      promoteFirst(s, a, now);
    }
    return new DayOutcome(
        day, s.id(), late ? Outcome.CANCELLED_LATE : Outcome.CANCELLED, null, null);
  }

  /** The first of the waiting list takes the freed seat (the session's lock is held). */
  void promoteFirst(ActivitySession s, Activity a, Instant now) {
    em.flush();
    Optional<Booking> first =
        em.createQuery(
                "select b from Booking b where b.sessionId = :s and b.status = :w order by"
                    + " b.waitlistAt, b.id",
                Booking.class)
            .setParameter("s", s.id())
            .setParameter("w", Booking.Status.WAITLIST)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (first.isEmpty() || !s.hasSeat()) {
      return;
    }
    Booking b = first.get();
    b.promote(now);
    s.seatTaken();
    Child c = em.find(Child.class, b.childId());
    for (String to : households.emails(c.householdId())) {
      mail.sendAfterCommit(
          new MailSender.Mail(
              to,
              "Place libérée : " + c.firstName() + " est inscrit(e) le " + DAY.format(s.day()),
              "Bonjour,\n\nUne place s'est libérée à « "
                  + a.name().fr()
                  + " » ("
                  + a.site()
                  + ") le "
                  + DAY.format(s.day())
                  + " : "
                  + c.firstName()
                  + " quitte la liste d'attente, sa réservation est confirmée.\n\n---\nA seat"
                  + " became free on "
                  + s.day()
                  + ": "
                  + c.firstName()
                  + "'s booking is confirmed.\n"));
    }
  }

  private static Booking.Source source(Actor actor) {
    return actor == Actor.AGENT ? Booking.Source.AGENT : Booking.Source.PARENT;
  }

  private static DayOutcome refused(ActivitySession s, String problem) {
    return new DayOutcome(s.day(), s.id(), Outcome.REFUSED, problem, null);
  }

  static ProblemException.FieldProblem field(String field, String key) {
    return new ProblemException.FieldProblem(field, key, List.of());
  }
}
