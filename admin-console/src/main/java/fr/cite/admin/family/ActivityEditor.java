package fr.cite.admin.family;

import fr.cite.platform.family.application.FamilyCalendars;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.ActivityDays;
import fr.cite.platform.family.domain.ActivityKind;
import fr.cite.platform.family.domain.CutoffRule;
import fr.cite.platform.family.domain.LatePolicy;
import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The town's family activities for its administrators: each activity's kind, site, capacity, days
 * (of the calendar and of the week), hours, cut-off rules for booking and for cancelling, what a
 * late change does, the absence limit, the crèche's age group and the procedure page it shows on;
 * saving makes the missing sessions from the calendar. The town's school calendar (its zone's
 * holidays with their source) is shown beside.
 */
@Named("activityEditor")
@ViewScoped
public class ActivityEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient FamilySetup setup;

  @Inject transient FamilyCalendars calendars;

  private String slug;
  private String kind = ActivityKind.CANTEEN.name();
  private String nameFr;
  private String nameEn;
  private String site;
  private Integer capacity = 30;
  private String days = ActivityDays.SCHOOL_DAYS.name();
  private List<String> weekdays =
      new ArrayList<>(List.of("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"));
  private String start = "11:30";
  private String end = "13:30";
  private String bookRule = "RELATIVE 2 CALENDAR 10:00";
  private String cancelRule = "RELATIVE 2 CALENDAR 10:00";
  private String latePolicy = LatePolicy.REFUSE.name();
  private Integer surchargePercent = 0;
  private Integer absenceDays = 8;
  private String ageGroup;
  private String procedureSlug;

  public List<Activity> getActivities() {
    return setup.activities();
  }

  public List<SchoolCalendar.Holiday> getHolidays() {
    return calendars.current().holidays();
  }

  public String getZone() {
    return calendars.current().zone().map(Enum::name).orElse("—");
  }

  public String weekdays(int mask) {
    return Weekdays.label(mask, FamilyConsole.locale());
  }

  public String date(java.time.LocalDate d) {
    return FamilyConsole.date(d);
  }

  public List<String> getKinds() {
    return List.of(ActivityKind.values()).stream().map(Enum::name).toList();
  }

  public List<String> getDayKinds() {
    return List.of(ActivityDays.values()).stream().map(Enum::name).toList();
  }

  public List<String> getPolicies() {
    return List.of(LatePolicy.values()).stream().map(Enum::name).toList();
  }

  public List<DayOfWeek> getWeekdayChoices() {
    return List.of(DayOfWeek.values());
  }

  public String weekdayName(DayOfWeek d) {
    return d.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, FamilyConsole.locale());
  }

  /** Loads an activity into the form. */
  public void edit(Activity a) {
    slug = a.slug();
    kind = a.kind().name();
    nameFr = a.name().fr();
    nameEn = a.name().en();
    site = a.site();
    capacity = a.capacity();
    days = a.days().name();
    weekdays = new ArrayList<>(Weekdays.days(a.weekdays()).stream().map(Enum::name).toList());
    start = a.start().toString();
    end = a.end().toString();
    bookRule = a.bookRule().text();
    cancelRule = a.cancelRule().text();
    latePolicy = a.latePolicy().name();
    surchargePercent = a.surchargePercent();
    absenceDays = a.absenceDays();
    ageGroup = a.ageGroup();
    procedureSlug = a.procedureSlug();
  }

  public void save() {
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    if (slug == null
        || !slug.strip().matches("[a-z0-9]+(-[a-z0-9]+)*")
        || slug.strip().length() > 80) {
      problems.add(new ProblemException.FieldProblem("slug", "validation.slug", List.of()));
    }
    if (nameFr == null || nameFr.isBlank() || site == null || site.isBlank()) {
      problems.add(new ProblemException.FieldProblem("nameFr", "validation.required", List.of()));
    }
    if (capacity == null || capacity < 1 || capacity > 5000) {
      problems.add(
          new ProblemException.FieldProblem("capacity", "validation.range", List.of(5000, 1)));
    }
    CutoffRule book = rule("bookRule", bookRule, problems);
    CutoffRule cancel = rule("cancelRule", cancelRule, problems);
    LocalTime s = time("start", start, problems);
    LocalTime e = time("end", end, problems);
    if (!problems.isEmpty()) {
      FamilyConsole.problem(ProblemException.invalidFields(problems));
      return;
    }
    try {
      Activity a =
          setup.save(
              new Activity.Settings(
                  slug.strip(),
                  ActivityKind.valueOf(kind),
                  new LocalizedText(
                      nameFr.strip(), nameEn == null || nameEn.isBlank() ? null : nameEn.strip()),
                  site.strip(),
                  capacity,
                  ActivityDays.valueOf(days),
                  Weekdays.parse(weekdays),
                  s,
                  e,
                  book,
                  cancel,
                  LatePolicy.valueOf(latePolicy),
                  surchargePercent == null ? 0 : surchargePercent,
                  absenceDays == null ? 8 : absenceDays,
                  ageGroup == null || ageGroup.isBlank() ? null : ageGroup.strip(),
                  procedureSlug == null || procedureSlug.isBlank() ? null : procedureSlug.strip()));
      FamilyConsole.info(
          FamilyConsole.text("fam.done.activity", a.name().in(FamilyConsole.locale())));
    } catch (ProblemException ex) {
      FamilyConsole.problem(ex);
    }
  }

  static CutoffRule rule(String field, String text, List<ProblemException.FieldProblem> problems) {
    try {
      return CutoffRule.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(new ProblemException.FieldProblem(field, "family.badRule", List.of()));
      return null;
    }
  }

  static LocalTime time(String field, String text, List<ProblemException.FieldProblem> problems) {
    try {
      return LocalTime.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      problems.add(new ProblemException.FieldProblem(field, "validation.required", List.of()));
      return null;
    }
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String v) {
    slug = v;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String v) {
    kind = v;
  }

  public String getNameFr() {
    return nameFr;
  }

  public void setNameFr(String v) {
    nameFr = v;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String v) {
    nameEn = v;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String v) {
    site = v;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer v) {
    capacity = v;
  }

  public String getDays() {
    return days;
  }

  public void setDays(String v) {
    days = v;
  }

  public List<String> getWeekdays() {
    return weekdays;
  }

  public void setWeekdays(List<String> v) {
    weekdays = v == null ? new ArrayList<>() : v;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String v) {
    start = v;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String v) {
    end = v;
  }

  public String getBookRule() {
    return bookRule;
  }

  public void setBookRule(String v) {
    bookRule = v;
  }

  public String getCancelRule() {
    return cancelRule;
  }

  public void setCancelRule(String v) {
    cancelRule = v;
  }

  public String getLatePolicy() {
    return latePolicy;
  }

  public void setLatePolicy(String v) {
    latePolicy = v;
  }

  public Integer getSurchargePercent() {
    return surchargePercent;
  }

  public void setSurchargePercent(Integer v) {
    surchargePercent = v;
  }

  public Integer getAbsenceDays() {
    return absenceDays;
  }

  public void setAbsenceDays(Integer v) {
    absenceDays = v;
  }

  public String getAgeGroup() {
    return ageGroup;
  }

  public void setAgeGroup(String v) {
    ageGroup = v;
  }

  public String getProcedureSlug() {
    return procedureSlug;
  }

  public void setProcedureSlug(String v) {
    procedureSlug = v;
  }
}
