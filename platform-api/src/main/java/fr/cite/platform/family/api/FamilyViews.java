package fr.cite.platform.family.api;

import fr.cite.platform.family.application.Bookings;
import fr.cite.platform.family.application.Creches;
import fr.cite.platform.family.application.FamilyDesk;
import fr.cite.platform.family.application.Registers;
import fr.cite.platform.family.domain.Absence;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.CrecheCriterion;
import fr.cite.platform.family.domain.CrecheGrid;
import fr.cite.platform.family.domain.FamilyDocument;
import fr.cite.platform.family.domain.Guardian;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.family.domain.Quotient;
import fr.cite.platform.family.domain.Registration;
import fr.cite.platform.family.domain.Weekdays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** What the family API answers: plain records, no entity leaves the application. */
public final class FamilyViews {

  private FamilyViews() {}

  static List<String> weekdayNames(int mask) {
    return Weekdays.days(mask).stream().map(DayOfWeek::name).toList();
  }

  public record GuardianView(long id, String name, String email, boolean joined) {
    static GuardianView of(Guardian g) {
      return new GuardianView(g.id(), g.name(), g.email(), g.joined());
    }
  }

  public record ChildView(
      long id,
      String firstName,
      String lastName,
      LocalDate birthDate,
      String school,
      String classLevel,
      String allergies,
      boolean pai,
      boolean imageRights,
      String emergencyName,
      String emergencyPhone,
      List<Child.Pickup> pickup) {
    static ChildView of(Child c) {
      return new ChildView(
          c.id(),
          c.firstName(),
          c.lastName(),
          c.birthDate(),
          c.school(),
          c.classLevel(),
          c.allergies(),
          c.pai(),
          c.imageRights(),
          c.emergencyName(),
          c.emergencyPhone(),
          c.pickup());
    }
  }

  public record QuotientView(
      long id,
      int value,
      Integer monthlyResourcesCents,
      String source,
      LocalDate validFrom,
      LocalDate validTo,
      String status,
      String refusalReason) {
    static QuotientView of(Quotient q) {
      return new QuotientView(
          q.id(),
          q.value(),
          q.monthlyResourcesCents().orElse(null),
          q.source().name(),
          q.validFrom(),
          q.validTo(),
          q.status().name(),
          q.refusalReason());
    }
  }

  public record HouseholdView(
      long id,
      String address,
      String postcode,
      String city,
      boolean resident,
      List<GuardianView> guardians,
      List<ChildView> children,
      QuotientView quotientToday,
      String quotientNotice) {
    static HouseholdView of(
        Household h,
        List<Guardian> guardians,
        List<Child> children,
        Quotient today,
        Locale locale) {
      boolean fr = !"en".equals(locale.getLanguage());
      return new HouseholdView(
          h.id(),
          h.address(),
          h.postcode(),
          h.city(),
          h.resident(),
          guardians.stream().map(GuardianView::of).toList(),
          children.stream().map(ChildView::of).toList(),
          today == null ? null : QuotientView.of(today),
          today != null
              ? null
              : fr
                  ? "Aucun quotient familial valide : la tranche la plus haute s'applique."
                  : "No valid family quotient: the top bracket applies.");
    }
  }

  public record DocumentView(
      long id,
      String kind,
      String kindLabel,
      Long childId,
      String fileName,
      String contentType,
      int size,
      LocalDate validFrom,
      LocalDate validTo,
      String status,
      String refusalReason,
      OffsetDateTime createdAt) {
    static DocumentView of(FamilyDocument d, Locale locale) {
      return new DocumentView(
          d.id(),
          d.kind().name(),
          d.kind().label().in(locale),
          d.childId(),
          d.fileName(),
          d.contentType(),
          d.sizeBytes(),
          d.validFrom(),
          d.validTo(),
          d.status().name(),
          d.refusalReason(),
          d.createdAt().atOffset(java.time.ZoneOffset.UTC));
    }
  }

  public record ActivityView(
      long id,
      String slug,
      String kind,
      String name,
      String site,
      int capacity,
      String days,
      List<String> weekdays,
      LocalTime start,
      LocalTime end,
      String bookRule,
      String cancelRule,
      String latePolicy,
      int surchargePercent,
      int absenceDays,
      String ageGroup,
      String procedureSlug,
      boolean active) {
    static ActivityView of(Activity a, Locale locale) {
      return new ActivityView(
          a.id(),
          a.slug(),
          a.kind().name(),
          a.name().in(locale),
          a.site(),
          a.capacity(),
          a.days().name(),
          weekdayNames(a.weekdays()),
          a.start(),
          a.end(),
          a.bookRule().text(),
          a.cancelRule().text(),
          a.latePolicy().name(),
          a.surchargePercent(),
          a.absenceDays(),
          a.ageGroup(),
          a.procedureSlug(),
          a.active());
    }
  }

  public record RegistrationView(
      long id,
      long childId,
      long activityId,
      LocalDate from,
      LocalDate to,
      List<String> weekdays,
      String status,
      String agentMessage,
      Long requestId) {
    static RegistrationView of(Registration r) {
      return new RegistrationView(
          r.id(),
          r.childId(),
          r.activityId(),
          r.validFrom(),
          r.validTo(),
          weekdayNames(r.weekdays()),
          r.status().name(),
          r.agentMessage(),
          r.demandeId());
    }
  }

  public record DayView(
      LocalDate day,
      long sessionId,
      String state,
      boolean late,
      Integer waitlistPosition,
      OffsetDateTime changeUntil,
      boolean canBook,
      boolean canCancel,
      boolean lateChange,
      String closedReason,
      int seatsLeft) {
    static DayView of(Bookings.DayView d) {
      return new DayView(
          d.day(),
          d.sessionId(),
          d.state().name(),
          d.late(),
          d.waitlistPosition(),
          d.changeUntil().toOffsetDateTime(),
          d.canBook(),
          d.canCancel(),
          d.lateChange(),
          d.closedReason(),
          d.seatsLeft());
    }
  }

  public record ActivityMonthView(ActivityView activity, long registrationId, List<DayView> days) {}

  public record MonthView(long childId, String month, List<ActivityMonthView> activities) {
    static MonthView of(Bookings.Month m, Locale locale) {
      return new MonthView(
          m.child().id(),
          m.month().toString(),
          m.activities().stream()
              .map(
                  a ->
                      new ActivityMonthView(
                          ActivityView.of(a.activity(), locale),
                          a.registration().id(),
                          a.days().stream().map(DayView::of).toList()))
              .toList());
    }
  }

  public record OutcomeView(
      LocalDate day, long sessionId, String outcome, String problem, Integer waitlistPosition) {
    static OutcomeView of(Bookings.DayOutcome o) {
      return new OutcomeView(o.day(), o.sessionId(), o.outcome().name(), o.problem(), o.position());
    }
  }

  public record AbsenceView(
      long id,
      long childId,
      LocalDate firstDay,
      LocalDate lastDay,
      String status,
      String refusalReason) {
    static AbsenceView of(Absence a) {
      return new AbsenceView(
          a.id(), a.childId(), a.firstDay(), a.lastDay(), a.status().name(), a.refusalReason());
    }
  }

  public record ScoreLine(String criterion, String label, int points, int quantity) {}

  public record CrecheView(
      long id,
      long childId,
      String childName,
      LocalDate wishedStart,
      List<String> weekdays,
      LocalTime arrival,
      LocalTime departure,
      List<Long> preferences,
      String status,
      Integer position,
      Integer waiting,
      Integer points,
      List<ScoreLine> score,
      Long offerCrecheId,
      LocalDate offerStart,
      LocalDate offerDeadline) {
    static CrecheView of(Creches.Ranked r, int waiting, Locale locale) {
      var a = r.application();
      CrecheGrid.Score s = r.score();
      return new CrecheView(
          a.id(),
          a.childId(),
          r.child() == null ? null : r.child().fullName(),
          a.wishedStart(),
          weekdayNames(a.weekdays()),
          a.arrival(),
          a.departure(),
          a.preferences(),
          a.status().name(),
          s == null ? null : r.position(),
          s == null ? null : waiting,
          s == null ? null : s.total(),
          s == null
              ? List.of()
              : s.lines().stream()
                  .map(
                      l ->
                          new ScoreLine(
                              l.code().name(),
                              l.code().label().in(locale),
                              l.points(),
                              l.quantity()))
                  .toList(),
          a.offerActivityId(),
          a.offerStart(),
          a.offerDeadline());
    }
  }

  public record CriterionView(String code, String label, int points) {
    static CriterionView of(CrecheCriterion c, Locale locale) {
      return new CriterionView(c.code().name(), c.label().in(locale), c.points());
    }
  }

  public record RegisterLine(
      long childId,
      String firstName,
      String lastName,
      String classLevel,
      boolean booked,
      String mark,
      boolean pai,
      String allergies,
      boolean illnessDeclared,
      List<Child.Pickup> pickup) {}

  public record RegisterView(
      long sessionId,
      LocalDate day,
      String activity,
      String site,
      boolean closed,
      List<RegisterLine> children) {
    static RegisterView of(Registers.Sheet s, Locale locale) {
      return new RegisterView(
          s.session().id(),
          s.session().day(),
          s.activity().name().in(locale),
          s.activity().site(),
          s.session().registerClosed(),
          s.lines().stream()
              .map(
                  l ->
                      new RegisterLine(
                          l.child().id(),
                          l.child().firstName(),
                          l.child().lastName(),
                          l.child().classLevel(),
                          l.booked(),
                          l.mark() == null ? null : l.mark().name(),
                          l.child().pai(),
                          l.child().allergies(),
                          l.illnessDeclared(),
                          l.child().pickup()))
              .toList());
    }
  }

  public record WaitingView(long registrations, long documents, long quotients, long absences) {
    static WaitingView of(FamilyDesk.Waiting w) {
      return new WaitingView(w.registrations(), w.documents(), w.quotients(), w.absences());
    }
  }
}
