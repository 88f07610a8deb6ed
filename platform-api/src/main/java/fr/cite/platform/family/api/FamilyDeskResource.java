package fr.cite.platform.family.api;

import fr.cite.platform.family.application.Bookings;
import fr.cite.platform.family.application.Creches;
import fr.cite.platform.family.application.FamilyDesk;
import fr.cite.platform.family.application.FamilyFiles;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.application.Registers;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.ActivityDays;
import fr.cite.platform.family.domain.ActivityKind;
import fr.cite.platform.family.domain.Attendance;
import fr.cite.platform.family.domain.CutoffRule;
import fr.cite.platform.family.domain.LatePolicy;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The family desk API for a town's staff: activities and closures, what waits (registrations,
 * documents, quotients, absences) and the decisions, a child's file, the register of a session
 * (activity staff too), the crèche commission's ranked list and offers, the dashboard's figures.
 */
@Path("/v1/desk/family")
@RequestScoped
@FamilyStaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class FamilyDeskResource {

  @Inject FamilySetup setup;

  @Inject FamilyDesk desk;

  @Inject FamilyFiles files;

  @Inject Bookings bookings;

  @Inject Registers registers;

  @Inject Creches creches;

  @Inject fr.cite.platform.family.application.BookingGeneration generation;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  Locale locale() {
    return host.locale();
  }

  String by() {
    return caller.displayName().orElse(caller.requireSubject());
  }

  @GET
  @Path("activities")
  public List<FamilyViews.ActivityView> activities() {
    return setup.activities().stream().map(a -> FamilyViews.ActivityView.of(a, locale())).toList();
  }

  /** Creates or updates an activity; its sessions are made from the calendar. */
  @PUT
  @Path("activities/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  public FamilyViews.ActivityView saveActivity(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.ActivityBody body) {
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 80) {
      throw ProblemException.invalidFields(
          List.of(new ProblemException.FieldProblem("slug", "validation.slug", List.of())));
    }
    CutoffRule book = rule("bookRule", body.bookRule());
    CutoffRule cancel = rule("cancelRule", body.cancelRule());
    Activity a =
        setup.save(
            new Activity.Settings(
                slug,
                ActivityKind.valueOf(body.kind()),
                new LocalizedText(body.nameFr().strip(), FamilyBodies.blank(body.nameEn())),
                body.site().strip(),
                body.capacity(),
                ActivityDays.valueOf(body.days()),
                FamilyBodies.weekdays(body.weekdays()),
                body.start(),
                body.end(),
                book,
                cancel,
                LatePolicy.valueOf(body.latePolicy()),
                body.surchargePercent() == null ? 0 : body.surchargePercent(),
                body.absenceDays() == null ? 8 : body.absenceDays(),
                FamilyBodies.blank(body.ageGroup()),
                FamilyBodies.blank(body.procedureSlug())));
    return FamilyViews.ActivityView.of(a, locale());
  }

  static CutoffRule rule(String field, String text) {
    try {
      return CutoffRule.parse(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidFields(
          List.of(new ProblemException.FieldProblem(field, "family.badRule", List.of())));
    }
  }

  @POST
  @Path("closures")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> close(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.ClosureBody body) {
    int cancelled = setup.close(body.activityId(), body.day(), body.reason().strip(), by());
    return Map.of("day", body.day().toString(), "cancelledBookings", cancelled);
  }

  @GET
  @Path("waiting")
  public FamilyViews.WaitingView waiting() {
    return FamilyViews.WaitingView.of(desk.waiting());
  }

  @GET
  @Path("registrations")
  public List<Map<String, Object>> registrations() {
    return desk.registrationsWaiting(0, 200).stream()
        .map(
            r ->
                Map.<String, Object>of(
                    "registration", FamilyViews.RegistrationView.of(r.registration()),
                    "child", r.child().fullName(),
                    "activity",
                        r.activity().name().in(locale()) + " (" + r.activity().site() + ")"))
        .toList();
  }

  @POST
  @Path("registrations/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> decide(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.DecisionBody body) {
    int booked =
        bookings.decide(id, Bookings.Decision.valueOf(body.decision()), body.message(), by());
    return Map.of("id", id, "booked", booked);
  }

  @GET
  @Path("documents")
  public List<FamilyViews.DocumentView> documents() {
    return desk.documentsWaiting(0, 200).stream()
        .map(d -> FamilyViews.DocumentView.of(d, locale()))
        .toList();
  }

  @POST
  @Path("documents/{id}/check")
  @Consumes(MediaType.APPLICATION_JSON)
  public FamilyViews.DocumentView checkDocument(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.CheckBody body) {
    return FamilyViews.DocumentView.of(
        files.checkDocument(
            id, body.accept(), body.validFrom(), body.validTo(), body.reason(), by()),
        locale());
  }

  /** Sends now the reminders of documents that expire within 30 days (each document once). */
  @POST
  @Path("documents/reminders")
  public Map<String, Object> remind() {
    return Map.of(
        "reminded", files.remindExpiring(LocalDate.now(java.time.ZoneId.of("Europe/Paris"))));
  }

  @POST
  @Path("quotients/{id}/check")
  @Consumes(MediaType.APPLICATION_JSON)
  public FamilyViews.QuotientView checkQuotient(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.CheckBody body) {
    return FamilyViews.QuotientView.of(
        files.checkQuotient(
            id,
            body.accept(),
            body.value(),
            body.validFrom(),
            body.validTo(),
            body.reason(),
            by()));
  }

  @POST
  @Path("absences/{id}/check")
  @Consumes(MediaType.APPLICATION_JSON)
  public FamilyViews.AbsenceView checkAbsence(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.CheckBody body) {
    return FamilyViews.AbsenceView.of(files.decideAbsence(id, body.accept(), body.reason(), by()));
  }

  @GET
  @Path("children")
  public List<FamilyViews.ChildView> search(@QueryParam("q") String q) {
    if (q != null && q.length() > 100) {
      throw ProblemException.badRequest("family-bad-search");
    }
    return desk.searchChildren(q).stream().map(FamilyViews.ChildView::of).toList();
  }

  @GET
  @Path("children/{id}")
  public Map<String, Object> childFile(@PathParam("id") long id) {
    FamilyDesk.ChildFile f = desk.childFile(id);
    return Map.of(
        "child", FamilyViews.ChildView.of(f.child()),
        "registrations", f.registrations().stream().map(FamilyViews.RegistrationView::of).toList(),
        "documents",
            f.documents().stream().map(d -> FamilyViews.DocumentView.of(d, locale())).toList(),
        "quotients", f.quotients().stream().map(FamilyViews.QuotientView::of).toList(),
        "absences", f.absences().stream().map(FamilyViews.AbsenceView::of).toList());
  }

  @GET
  @Path("children/{id}/calendar")
  public FamilyViews.MonthView calendar(
      @PathParam("id") long id, @QueryParam("month") String month) {
    return FamilyViews.MonthView.of(
        bookings.month(desk.requireChild(id), FamilyResource.month(month)), locale());
  }

  // ---------------------------------------------------------------- register (activity staff too)

  @GET
  @Path("sessions")
  public List<Map<String, Object>> sessions(@QueryParam("day") String day) {
    LocalDate d;
    try {
      d =
          day == null || day.isBlank()
              ? LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
              : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("family-bad-day", day);
    }
    return registers.sessionsOn(d).stream()
        .map(
            r ->
                Map.<String, Object>of(
                    "sessionId", r.session().id(),
                    "day", r.session().day().toString(),
                    "activity", r.activity().name().in(locale()),
                    "site", r.activity().site(),
                    "booked", r.session().booked(),
                    "capacity", r.session().capacity(),
                    "closed", r.session().closed()))
        .toList();
  }

  @GET
  @Path("sessions/{id}/register")
  public FamilyViews.RegisterView register(@PathParam("id") long id) {
    return FamilyViews.RegisterView.of(registers.sheet(id), locale());
  }

  @POST
  @Path("sessions/{id}/register")
  @Consumes(MediaType.APPLICATION_JSON)
  public FamilyViews.RegisterView mark(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.MarkBody body) {
    registers.mark(id, body.childId(), Attendance.Mark.valueOf(body.mark()), by());
    return FamilyViews.RegisterView.of(registers.sheet(id), locale());
  }

  @POST
  @Path("sessions/{id}/register/close")
  public Map<String, Object> closeRegister(@PathParam("id") long id) {
    return Map.of("absent", registers.close(id, by()));
  }

  // ---------------------------------------------------------------- crèche commission

  @GET
  @Path("creche-applications")
  public List<FamilyViews.CrecheView> ranking() {
    List<Creches.Ranked> ranked = creches.ranking();
    return ranked.stream().map(r -> FamilyViews.CrecheView.of(r, ranked.size(), locale())).toList();
  }

  @POST
  @Path("creche-applications/{id}/offer")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> offer(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.OfferBody body) {
    var a = creches.offer(id, body.crecheId(), body.start(), body.deadline(), by());
    return Map.of("id", a.id(), "status", a.status().name());
  }

  /**
   * Makes the bookings of every accepted registration over a period from their weekly patterns (a
   * new school year's sessions); days already booked are kept. Returns what it did.
   */
  @POST
  @Path("bookings/generate")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> generate(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.PeriodBody body) {
    if (body.to().isBefore(body.from()) || body.to().isAfter(body.from().plusYears(1))) {
      throw ProblemException.invalidFields(
          List.of(new ProblemException.FieldProblem("to", "validation.dates", List.of())));
    }
    var g = generation.generate(body.from(), body.to(), by());
    return Map.of(
        "registrations", g.registrations(), "bookings", g.bookings(), "millis", g.millis());
  }

  @GET
  @Path("load")
  public List<FamilyDesk.DayLoad> load(
      @QueryParam("from") String from, @QueryParam("days") Integer days) {
    LocalDate f;
    try {
      f = from == null ? LocalDate.now(java.time.ZoneId.of("Europe/Paris")) : LocalDate.parse(from);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("family-bad-day", from);
    }
    int n = days == null ? 14 : Math.max(1, Math.min(days, 62));
    return desk.load(f, f.plusDays(n - 1));
  }
}
