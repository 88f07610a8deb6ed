package fr.cite.portal.family;

import fr.cite.platform.family.application.Bookings;
import fr.cite.platform.family.application.Creches;
import fr.cite.platform.family.application.FamilyFiles;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.application.Households;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.ActivityKind;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.CrecheCriterion;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The family space's request forms: registering a child to an activity with a weekly pattern,
 * declaring an absence with a medical certificate, applying for a crèche place (with the town's
 * published grid beside the form), answering an offer, and joining a household by invitation. Each
 * files a request of the common model and redirects to the family space.
 */
@Named("familyForms")
@RequestScoped
public class FamilyApplications {

  @Inject Households households;

  @Inject Bookings bookings;

  @Inject FamilyFiles files;

  @Inject Creches creches;

  @Inject FamilySetup setup;

  @Inject RequestHost host;

  private String enfant;
  private String activity;
  private String from;
  private String to;
  private List<String> days = new ArrayList<>();
  private String firstDay;
  private String lastDay;
  private Part certificate;
  private String start;
  private String arrival = "08:30";
  private String departure = "17:30";
  private List<String> preferences = new ArrayList<>();
  private List<String> criteria = new ArrayList<>();
  private String jeton;
  private Child child;

  Locale locale() {
    return host.locale();
  }

  public Child getChild() {
    if (child == null) {
      Long id = FamilyPages.id(enfant);
      if (id != null) {
        try {
          child = households.requireChild(FamilyPages.requireSubject(), id);
        } catch (ProblemException e) {
          child = null;
        }
      }
    }
    return child;
  }

  public List<Child> getChildren() {
    return FamilyPages.subject()
        .flatMap(households::mine)
        .map(h -> households.children(h.id()))
        .orElse(List.of());
  }

  public List<Activity> getActivities() {
    return setup.activeActivities().stream().filter(a -> a.kind() != ActivityKind.CRECHE).toList();
  }

  public List<Activity> getCreches() {
    return creches.creches();
  }

  public String activityLabel(Activity a) {
    return a.name().in(locale())
        + " — "
        + a.site()
        + " ("
        + Weekdays.label(a.weekdays(), locale())
        + ")";
  }

  public List<DayOfWeek> getWeekdays() {
    return List.of(
        DayOfWeek.MONDAY,
        DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY);
  }

  public String weekdayName(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL_STANDALONE, locale());
  }

  public List<CrecheCriterion> getGrid() {
    return setup.grid();
  }

  public List<CrecheCriterion.Code> getDeclarable() {
    return EnumSet.allOf(CrecheCriterion.Code.class).stream()
        .filter(CrecheCriterion.Code::declared)
        .toList();
  }

  public String criterionLabel(CrecheCriterion.Code c) {
    return c.label().in(locale());
  }

  public String getToday() {
    return LocalDate.now(ZoneId.of("Europe/Paris")).toString();
  }

  String label(String field) {
    return FamilyMessages.get("family.field." + field);
  }

  public void register() {
    Long childId = FamilyPages.id(enfant);
    Long activityId = FamilyPages.id(activity);
    LocalDate f = FamilyPages.date(from);
    LocalDate t = FamilyPages.date(to);
    if (childId == null || activityId == null || f == null || t == null || days.isEmpty()) {
      FamilyPages.error(FamilyMessages.get("family.register.required"));
      return;
    }
    try {
      bookings.apply(
          FamilyPages.requireSubject(),
          FamilyPages.citizen(),
          new Bookings.Application(childId, activityId, f, t, Weekdays.parse(days)),
          locale().getLanguage());
      FamilyPages.redirect("/compte/famille/", "registration");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::label);
    } catch (IllegalArgumentException e) {
      FamilyPages.error(FamilyMessages.get("family.invalid"));
    }
  }

  public void declareAbsence() {
    Long childId = FamilyPages.id(enfant);
    LocalDate f = FamilyPages.date(firstDay);
    LocalDate l = FamilyPages.date(lastDay);
    if (childId == null || f == null || l == null) {
      FamilyPages.error(FamilyMessages.get("family.absence.required"));
      return;
    }
    try {
      FamilyFiles.Upload upload = upload();
      if (upload == null) {
        return;
      }
      files.declareAbsence(
          FamilyPages.requireSubject(),
          FamilyPages.citizen(),
          childId,
          f,
          l,
          upload,
          locale().getLanguage());
      FamilyPages.redirect("/compte/famille/", "absence");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::label);
    }
  }

  FamilyFiles.Upload upload() {
    if (certificate == null || certificate.getSize() == 0) {
      FamilyPages.error(label("certificate") + " : " + FamilyMessages.get("family.fileRequired"));
      return null;
    }
    if (certificate.getSize() > FamilySpace.MAX_UPLOAD) {
      FamilyPages.error(label("certificate") + " : " + FamilyMessages.get("family.fileTooLarge"));
      return null;
    }
    try (var in = certificate.getInputStream()) {
      return new FamilyFiles.Upload(certificate.getSubmittedFileName(), in.readAllBytes());
    } catch (java.io.IOException e) {
      FamilyPages.error(label("certificate") + " : " + FamilyMessages.get("family.fileRequired"));
      return null;
    }
  }

  public void applyForCreche() {
    Long childId = FamilyPages.id(enfant);
    LocalDate s = FamilyPages.date(start);
    LocalTime a;
    LocalTime d;
    try {
      a = LocalTime.parse(arrival.strip());
      d = LocalTime.parse(departure.strip());
    } catch (DateTimeParseException | NullPointerException e) {
      FamilyPages.error(FamilyMessages.get("family.creche.required"));
      return;
    }
    if (childId == null || s == null || days.isEmpty() || preferences.isEmpty()) {
      FamilyPages.error(FamilyMessages.get("family.creche.required"));
      return;
    }
    try {
      Set<CrecheCriterion.Code> declared = EnumSet.noneOf(CrecheCriterion.Code.class);
      criteria.forEach(c -> declared.add(CrecheCriterion.Code.valueOf(c)));
      List<Long> prefs =
          preferences.stream()
              .map(FamilyPages::id)
              .filter(java.util.Objects::nonNull)
              .distinct()
              .toList();
      creches.apply(
          FamilyPages.requireSubject(),
          FamilyPages.citizen(),
          new Creches.Wish(childId, s, Weekdays.parse(days), a, d, prefs, declared),
          locale().getLanguage());
      FamilyPages.redirect("/compte/famille/", "creche");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::label);
    } catch (IllegalArgumentException e) {
      FamilyPages.error(FamilyMessages.get("family.invalid"));
    }
  }

  /** Answers an offer from the family space's list (a plain button per offer). */
  public void answer(long application, boolean accept) {
    try {
      creches.answer(FamilyPages.requireSubject(), application, accept);
      FamilyPages.redirect("/compte/famille/", accept ? "offerAccepted" : "offerDeclined");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::label);
    }
  }

  public void join() {
    try {
      households.join(FamilyPages.requireSubject(), FamilyPages.citizen().name(), jeton);
      FamilyPages.redirect("/compte/famille/", "joined");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::label);
    }
  }

  public String getEnfant() {
    return enfant;
  }

  public void setEnfant(String v) {
    enfant = v;
  }

  public String getActivity() {
    return activity;
  }

  public void setActivity(String v) {
    activity = v;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String v) {
    from = v;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String v) {
    to = v;
  }

  public List<String> getDays() {
    return days;
  }

  public void setDays(List<String> v) {
    days = v == null ? new ArrayList<>() : v;
  }

  public String getFirstDay() {
    return firstDay;
  }

  public void setFirstDay(String v) {
    firstDay = v;
  }

  public String getLastDay() {
    return lastDay;
  }

  public void setLastDay(String v) {
    lastDay = v;
  }

  public Part getCertificate() {
    return certificate;
  }

  public void setCertificate(Part v) {
    certificate = v;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String v) {
    start = v;
  }

  public String getArrival() {
    return arrival;
  }

  public void setArrival(String v) {
    arrival = v;
  }

  public String getDeparture() {
    return departure;
  }

  public void setDeparture(String v) {
    departure = v;
  }

  public List<String> getPreferences() {
    return preferences;
  }

  public void setPreferences(List<String> v) {
    preferences = v == null ? new ArrayList<>() : v;
  }

  public List<String> getCriteria() {
    return criteria;
  }

  public void setCriteria(List<String> v) {
    criteria = v == null ? new ArrayList<>() : v;
  }

  public String getJeton() {
    return jeton;
  }

  public void setJeton(String v) {
    jeton = v;
  }
}
