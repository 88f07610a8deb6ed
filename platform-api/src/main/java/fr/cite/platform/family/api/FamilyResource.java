package fr.cite.platform.family.api;

import fr.cite.platform.family.application.Bookings;
import fr.cite.platform.family.application.Creches;
import fr.cite.platform.family.application.FamilyFiles;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.application.Households;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.CrecheCriterion;
import fr.cite.platform.family.domain.DocumentKind;
import fr.cite.platform.family.domain.FamilyDocument;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.family.domain.Quotient;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.BodyLimit;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.api.CitizenOptional;
import fr.cite.platform.requests.domain.Demande;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parents' family API on a town's host (a citizen's bearer token): the household and its
 * children, a second guardian's invitation, documents, family quotients, registrations, the month
 * of bookings of a child and changes to it, absences, crèche applications. Everything is the
 * caller's own: another household's child is 404.
 */
@Path("/v1/family")
@RequestScoped
@CitizenOptional
@Produces(MediaType.APPLICATION_JSON)
public class FamilyResource {

  @Inject Households households;

  @Inject FamilyFiles files;

  @Inject Bookings bookings;

  @Inject Creches creches;

  @Inject FamilySetup setup;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  String subject() {
    return caller.subject().orElseThrow(() -> new ProblemException(401, "bearer-token-missing"));
  }

  Demande.Citizen citizen() {
    String email = caller.displayName().orElse(null);
    return new Demande.Citizen(subject(), email, email, null);
  }

  Locale locale() {
    return host.locale();
  }

  String lang() {
    return locale().getLanguage();
  }

  @GET
  @Path("activities")
  public List<FamilyViews.ActivityView> activities() {
    return setup.activeActivities().stream()
        .map(a -> FamilyViews.ActivityView.of(a, locale()))
        .toList();
  }

  @GET
  @Path("household")
  public FamilyViews.HouseholdView household() {
    return view(households.requireMine(subject()));
  }

  FamilyViews.HouseholdView view(Household h) {
    Quotient today =
        files.quotientOn(h.id(), LocalDate.now(java.time.ZoneId.of("Europe/Paris"))).orElse(null);
    return FamilyViews.HouseholdView.of(
        h, households.guardians(h.id()), households.children(h.id()), today, locale());
  }

  /** Creates the caller's household or changes its address. */
  @PUT
  @Path("household")
  @Consumes(MediaType.APPLICATION_JSON)
  public FamilyViews.HouseholdView saveHousehold(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.HouseholdBody body) {
    Demande.Citizen c = citizen();
    Household h =
        households.open(
            subject(),
            c.name(),
            c.email(),
            new Households.Address(
                FamilyBodies.blank(body.address()),
                FamilyBodies.blank(body.postcode()),
                FamilyBodies.blank(body.city()),
                body.resident()));
    return view(h);
  }

  @POST
  @Path("children")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addChild(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.ChildBody body) {
    Child c = households.addChild(subject(), body.details());
    return Response.created(URI.create("/api/v1/family/children/" + c.id()))
        .entity(FamilyViews.ChildView.of(c))
        .build();
  }

  @GET
  @Path("children/{id}")
  public FamilyViews.ChildView child(@PathParam("id") long id) {
    return FamilyViews.ChildView.of(households.requireChild(subject(), id));
  }

  @PUT
  @Path("children/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public FamilyViews.ChildView updateChild(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.ChildBody body) {
    return FamilyViews.ChildView.of(households.updateChild(subject(), id, body.details()));
  }

  @POST
  @Path("guardians")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invite(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.InvitationBody body) {
    Households.Invitation i =
        households.invite(
            subject(), citizen().name(), body.name().strip(), body.email(), baseUrl());
    return Response.status(201).entity(FamilyViews.GuardianView.of(i.guardian())).build();
  }

  /** The portal's address as the caller reached it (the link in the e-mail goes there). */
  String baseUrl() {
    return uri.getBaseUri().resolve("/").toString().replaceAll("/$", "");
  }

  @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri;

  @POST
  @Path("guardians/join/{token}")
  public FamilyViews.HouseholdView join(@PathParam("token") String token) {
    return view(households.join(subject(), citizen().name(), token));
  }

  // ---------------------------------------------------------------- documents and quotients

  @GET
  @Path("documents")
  public List<FamilyViews.DocumentView> documents() {
    Household h = households.requireMine(subject());
    return files.documents(h.id()).stream()
        .map(d -> FamilyViews.DocumentView.of(d, locale()))
        .toList();
  }

  @POST
  @Path("documents")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * BodyLimit.MB)
  public Response upload(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.DocumentBody body) {
    FamilyDocument d =
        files.upload(
            subject(),
            citizen(),
            DocumentKind.valueOf(body.kind()),
            body.childId(),
            new FamilyFiles.Upload(body.file().fileName(), body.file().bytes()),
            body.validFrom(),
            body.validTo(),
            lang());
    return Response.status(201).entity(FamilyViews.DocumentView.of(d, locale())).build();
  }

  @GET
  @Path("documents/{id}/file")
  @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
  public Response file(@PathParam("id") long id) {
    FamilyDocument d = files.myDocument(subject(), id);
    return Response.ok(d.content(), d.contentType())
        .header("Content-Disposition", "attachment; filename=\"document-" + d.id() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @GET
  @Path("quotients")
  public List<FamilyViews.QuotientView> quotients() {
    Household h = households.requireMine(subject());
    return files.quotients(h.id()).stream().map(FamilyViews.QuotientView::of).toList();
  }

  @POST
  @Path("quotients")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * BodyLimit.MB)
  public Response declareQuotient(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.QuotientBody body) {
    Quotient q =
        files.declareQuotient(
            subject(),
            citizen(),
            body.value(),
            body.monthlyResourcesCents(),
            Quotient.Source.valueOf(body.source()),
            body.validFrom(),
            body.validTo(),
            new FamilyFiles.Upload(body.certificate().fileName(), body.certificate().bytes()),
            lang());
    return Response.status(201).entity(FamilyViews.QuotientView.of(q)).build();
  }

  // ---------------------------------------------------------------- registrations and bookings

  @GET
  @Path("children/{id}/registrations")
  public List<FamilyViews.RegistrationView> registrations(@PathParam("id") long id) {
    Child c = households.requireChild(subject(), id);
    return bookings.registrations(c.id()).stream().map(FamilyViews.RegistrationView::of).toList();
  }

  @POST
  @Path("registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.RegistrationBody body) {
    var r =
        bookings.apply(
            subject(),
            citizen(),
            new Bookings.Application(
                body.childId(),
                body.activityId(),
                body.from(),
                body.to(),
                FamilyBodies.weekdays(body.weekdays())),
            lang());
    return Response.status(201).entity(FamilyViews.RegistrationView.of(r)).build();
  }

  /** The month of a child ({@code ?month=2026-12}, this month by default). */
  @GET
  @Path("children/{id}/calendar")
  public FamilyViews.MonthView calendar(
      @PathParam("id") long id, @QueryParam("month") String month) {
    return FamilyViews.MonthView.of(bookings.month(subject(), id, month(month)), locale());
  }

  static YearMonth month(String text) {
    if (text == null || text.isBlank()) {
      return YearMonth.now(java.time.ZoneId.of("Europe/Paris"));
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("family-bad-month", text);
    }
  }

  /** Books or cancels a day ({@code sessionId}) or a pattern until a date. */
  @POST
  @Path("children/{id}/bookings")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<FamilyViews.OutcomeView> book(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.BookingBody body) {
    boolean book = body.action().equals("BOOK");
    if (body.sessionId() != null) {
      Bookings.DayOutcome o =
          book
              ? bookings.book(subject(), id, body.sessionId())
              : bookings.cancel(subject(), id, body.sessionId());
      return List.of(FamilyViews.OutcomeView.of(o));
    }
    if (body.activityId() == null
        || body.weekdays() == null
        || body.from() == null
        || body.until() == null) {
      throw ProblemException.invalidFields(
          List.of(
              new ProblemException.FieldProblem("sessionId", "validation.required", List.of())));
    }
    return bookings
        .pattern(
            subject(),
            id,
            new Bookings.Pattern(
                body.activityId(),
                FamilyBodies.weekdays(body.weekdays()),
                body.from(),
                body.until(),
                book))
        .stream()
        .map(FamilyViews.OutcomeView::of)
        .toList();
  }

  // ---------------------------------------------------------------- absences and crèche

  @GET
  @Path("children/{id}/absences")
  public List<FamilyViews.AbsenceView> absences(@PathParam("id") long id) {
    Child c = households.requireChild(subject(), id);
    return files.absences(c.id()).stream().map(FamilyViews.AbsenceView::of).toList();
  }

  @POST
  @Path("absences")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * BodyLimit.MB)
  public Response declareAbsence(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.AbsenceBody body) {
    var a =
        files.declareAbsence(
            subject(),
            citizen(),
            body.childId(),
            body.firstDay(),
            body.lastDay(),
            new FamilyFiles.Upload(body.certificate().fileName(), body.certificate().bytes()),
            lang());
    return Response.status(201).entity(FamilyViews.AbsenceView.of(a)).build();
  }

  @GET
  @Path("creche-grid")
  public List<FamilyViews.CriterionView> grid() {
    return setup.grid().stream().map(c -> FamilyViews.CriterionView.of(c, locale())).toList();
  }

  @GET
  @Path("creche-applications")
  public List<FamilyViews.CrecheView> crecheApplications() {
    List<Creches.Ranked> mine = creches.mine(subject());
    int waiting = creches.waiting();
    return mine.stream().map(r -> FamilyViews.CrecheView.of(r, waiting, locale())).toList();
  }

  @POST
  @Path("creche-applications")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response applyForCreche(
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.CrecheBody body) {
    Set<CrecheCriterion.Code> declared = EnumSet.noneOf(CrecheCriterion.Code.class);
    if (body.criteria() != null) {
      body.criteria().forEach(c -> declared.add(CrecheCriterion.Code.valueOf(c)));
    }
    var a =
        creches.apply(
            subject(),
            citizen(),
            new Creches.Wish(
                body.childId(),
                body.start(),
                FamilyBodies.weekdays(body.weekdays()),
                body.arrival(),
                body.departure(),
                body.preferences(),
                declared),
            lang());
    return Response.created(URI.create("/api/v1/family/creche-applications"))
        .entity(java.util.Map.of("id", a.id(), "status", a.status().name()))
        .build();
  }

  @POST
  @Path("creche-applications/{id}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response answer(
      @PathParam("id") long id,
      @NotNull(message = "{validation.required}") @Valid FamilyBodies.AnswerBody body) {
    var a = creches.answer(subject(), id, body.accept());
    return Response.ok(java.util.Map.of("id", a.id(), "status", a.status().name())).build();
  }
}
