package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.ActivityKind;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.CrecheApplication;
import fr.cite.platform.family.domain.CrecheCriterion;
import fr.cite.platform.family.domain.CrecheGrid;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.family.domain.Registration;
import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Crèche places: one application per child for the town's crèches in order of preference; the
 * waiting list ranked by the town's published grid, which the family sees with its own position and
 * the points that made it; the commission's offers with a deadline; an accepted offer becomes a
 * contract (a registration of the days and hours) whose bookings are generated.
 */
@ApplicationService
public class Creches {

  @PersistenceContext EntityManager em;

  @Inject Households households;

  @Inject FamilySetup setup;

  @Inject FamilyRequests requests;

  @Inject Bookings bookings;

  private final Clock clock = Clock.systemUTC();

  /** What a family asks. */
  public record Wish(
      long childId,
      LocalDate start,
      int weekdays,
      LocalTime arrival,
      LocalTime departure,
      List<Long> preferences,
      Set<CrecheCriterion.Code> declared) {}

  public List<Activity> creches() {
    return setup.activeActivities().stream().filter(a -> a.kind() == ActivityKind.CRECHE).toList();
  }

  public CrecheApplication apply(String subject, Demande.Citizen citizen, Wish w, String lang) {
    Child child = households.requireChild(subject, w.childId());
    Household h = households.requireMine(subject);
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    LocalDate today = FamilyCalendars.today();
    if (!w.start().isAfter(today)) {
      problems.add(Bookings.field("start", "family.dayInPast"));
    }
    if (child.birthDate().plusYears(4).isBefore(w.start())) {
      problems.add(Bookings.field("childId", "family.tooOldForCreche"));
    }
    if (w.weekdays() == 0 || (w.weekdays() & ~Weekdays.MONDAY_TO_FRIDAY) != 0) {
      problems.add(Bookings.field("weekdays", "family.patternOnClosedDay"));
    }
    if (!w.departure().isAfter(w.arrival())) {
      problems.add(Bookings.field("departure", "family.endBeforeStart"));
    }
    Set<Long> creches = creches().stream().map(Activity::id).collect(Collectors.toSet());
    if (w.preferences().isEmpty()
        || w.preferences().stream().anyMatch(p -> !creches.contains(p))
        || w.preferences().stream().distinct().count() != w.preferences().size()) {
      problems.add(Bookings.field("preferences", "family.badPreferences"));
    }
    if (w.declared().stream().anyMatch(c -> !c.declared())) {
      problems.add(Bookings.field("criteria", "validation.choice"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    long open =
        em.createQuery(
                "select count(a) from CrecheApplication a where a.childId = :c and a.status in"
                    + " :open",
                Long.class)
            .setParameter("c", child.id())
            .setParameter(
                "open", List.of(CrecheApplication.Status.WAITING, CrecheApplication.Status.OFFERED))
            .getSingleResult();
    if (open > 0) {
      throw ProblemException.conflict("family-creche-application-exists");
    }
    CrecheApplication a =
        new CrecheApplication(
            h.id(),
            child.id(),
            w.start(),
            w.weekdays(),
            w.arrival(),
            w.departure(),
            w.preferences(),
            w.declared(),
            clock.instant());
    em.persist(a);
    Map<Long, Activity> byId = new HashMap<>();
    creches().forEach(c -> byId.put(c.id(), c));
    Demande d =
        requests.file(
            FamilyRequests.Kind.CRECHE,
            citizen,
            "Place en crèche pour "
                + child.fullName()
                + " à partir du "
                + FamilyFiles.DATE.format(w.start())
                + ", les "
                + Weekdays.label(w.weekdays(), Locale.FRENCH)
                + " de "
                + w.arrival()
                + " à "
                + w.departure()
                + ". Vœux : "
                + w.preferences().stream()
                    .map(p -> byId.get(p).name().fr())
                    .collect(Collectors.joining(", "))
                + ".",
            lang);
    a.filedAs(d.id());
    return a;
  }

  /** An application on the ranked list. */
  public record Ranked(
      CrecheApplication application, Child child, CrecheGrid.Score score, int position) {}

  /** The waiting list ranked by the grid (the commission's view), one query for all. */
  public List<Ranked> ranking() {
    Map<CrecheCriterion.Code, Integer> points = new EnumMap<>(CrecheCriterion.Code.class);
    setup.grid().forEach(c -> points.put(c.code(), c.points()));
    CrecheGrid grid = new CrecheGrid(points);
    LocalDate today = FamilyCalendars.today();
    lapseOffers(today);
    List<Object[]> rows =
        em.createQuery(
                "select a, c, h.resident from CrecheApplication a join Child c on c.id = a.childId"
                    + " join Household h on h.id = a.householdId where a.status in :open",
                Object[].class)
            .setParameter(
                "open", List.of(CrecheApplication.Status.WAITING, CrecheApplication.Status.OFFERED))
            .getResultList();
    Map<CrecheApplication, CrecheGrid.Score> scores = new HashMap<>();
    Map<Long, Child> children = new HashMap<>();
    for (Object[] r : rows) {
      CrecheApplication a = (CrecheApplication) r[0];
      scores.put(a, grid.score(a, (Boolean) r[2], today));
      children.put(a.id(), (Child) r[1]);
    }
    List<Map.Entry<CrecheApplication, CrecheGrid.Score>> sorted =
        new ArrayList<>(scores.entrySet());
    sorted.sort(CrecheGrid.ranking());
    List<Ranked> ranked = new ArrayList<>();
    int position = 1;
    for (Map.Entry<CrecheApplication, CrecheGrid.Score> e : sorted) {
      ranked.add(new Ranked(e.getKey(), children.get(e.getKey().id()), e.getValue(), position++));
    }
    return ranked;
  }

  /**
   * An offer whose answer deadline has passed goes back to the list (its family keeps its points
   * and its date of application); done before every reading of the list, so that nobody sees an
   * offer that no longer holds. Returns how many lapsed.
   */
  int lapseOffers(LocalDate today) {
    return em.createQuery(
            "update CrecheApplication a set a.status = :waiting, a.offerActivityId = null,"
                + " a.offerDeadline = null, a.offerStart = null where a.status = :offered and"
                + " a.offerDeadline < :today")
        .setParameter("waiting", CrecheApplication.Status.WAITING)
        .setParameter("offered", CrecheApplication.Status.OFFERED)
        .setParameter("today", today)
        .executeUpdate();
  }

  /** The family's applications with their place on the list (none once decided). */
  public List<Ranked> mine(String subject) {
    Household h = households.requireMine(subject);
    List<Ranked> all = ranking();
    List<Ranked> mine =
        new ArrayList<>(all.stream().filter(r -> r.application().householdId() == h.id()).toList());
    List<Object[]> decided =
        em.createQuery(
                "select a, c from CrecheApplication a join Child c on c.id = a.childId where"
                    + " a.householdId = :h and a.status not in :open order by a.appliedAt desc",
                Object[].class)
            .setParameter("h", h.id())
            .setParameter(
                "open", List.of(CrecheApplication.Status.WAITING, CrecheApplication.Status.OFFERED))
            .getResultList();
    for (Object[] o : decided) {
      mine.add(new Ranked((CrecheApplication) o[0], (Child) o[1], null, 0));
    }
    return mine;
  }

  public int waiting() {
    return ranking().size();
  }

  /** The commission offers a place in a crèche, to answer before a deadline. */
  public CrecheApplication offer(
      long applicationId, long crecheId, LocalDate start, LocalDate deadline, String by) {
    CrecheApplication a =
        em.find(CrecheApplication.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
    if (a == null) {
      throw ProblemException.notFound("family-creche-application-not-found", applicationId);
    }
    if (a.status() != CrecheApplication.Status.WAITING) {
      throw ProblemException.conflict("family-creche-not-waiting", a.status().name());
    }
    Activity c = setup.requireActivity(crecheId);
    if (c.kind() != ActivityKind.CRECHE) {
      throw ProblemException.invalidFields(
          List.of(Bookings.field("crecheId", "family.badPreferences")));
    }
    LocalDate today = FamilyCalendars.today();
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    if (deadline.isBefore(today)) {
      problems.add(Bookings.field("deadline", "family.dayInPast"));
    }
    if (start.isBefore(today)) {
      problems.add(Bookings.field("start", "family.dayInPast"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
    a.offer(crecheId, start, deadline, by, clock.instant());
    requests.decide(
        a.demandeId(),
        RequestStatus.WAITING,
        "Une place vous est proposée à « "
            + c.name().fr()
            + " » à partir du "
            + FamilyFiles.DATE.format(start)
            + ". Répondez avant le "
            + FamilyFiles.DATE.format(deadline)
            + " dans Mon compte > Espace famille.",
        by);
    return a;
  }

  /** The family answers an offer; accepted, the contract's bookings are made. */
  public CrecheApplication answer(String subject, long applicationId, boolean accept) {
    Household h = households.requireMine(subject);
    CrecheApplication a =
        em.find(CrecheApplication.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
    if (a == null || a.householdId() != h.id()) {
      throw ProblemException.notFound("family-creche-application-not-found", applicationId);
    }
    if (a.status() != CrecheApplication.Status.OFFERED) {
      throw ProblemException.conflict("family-creche-no-offer");
    }
    if (a.offerDeadline().isBefore(FamilyCalendars.today())) {
      throw ProblemException.unprocessable("family-creche-offer-expired");
    }
    a.answer(accept, clock.instant());
    if (accept) {
      LocalDate end =
          SchoolCalendar.currentOrNext(a.offerStart())
              .map(y -> y.end().plusWeeks(4))
              .orElse(a.offerStart().plusYears(1));
      Registration contract =
          new Registration(
              a.childId(), a.offerActivityId(), a.offerStart(), end, a.weekdays(), clock.instant());
      contract.decide(
          Registration.Status.ACCEPTED,
          "Contrat " + a.arrival() + "–" + a.departure(),
          "commission",
          clock.instant());
      em.persist(contract);
      em.flush();
      bookings.bookContract(contract, "contrat");
      requests.decide(
          a.demandeId(),
          RequestStatus.DONE,
          "Place acceptée : le contrat commence le "
              + FamilyFiles.DATE.format(a.offerStart())
              + ".",
          "commission");
    } else {
      requests.decide(
          a.demandeId(), RequestStatus.REJECTED, "Place refusée par la famille.", "commission");
    }
    return a;
  }
}
