package fr.cite.platform.incidents.api;

import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.incidents.application.IncidentAddresses;
import fr.cite.platform.incidents.application.IncidentDashboard;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.incidents.application.Open311Keys;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.incidents.domain.Outline;
import fr.cite.platform.problem.BodyLimit;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.api.TownAdminOnly;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A town administrator's set-up of reports ({@link TownAdminOnly}): the town's outline when the
 * platform has none, services and their agents, the category tree, sectors (drawn or imported as
 * GeoJSON), routing rules, public message templates, Open311 keys for partners.
 */
@Path("/v1/admin/incidents")
@RequestScoped
@TownAdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class IncidentAdminResource {

  static final String CODE = "[a-z0-9-]{2,60}";

  @Inject IncidentSetup setup;

  @Inject Open311Keys keys;

  @Inject AuditLog audit;

  @Inject IncidentAddresses addresses;

  @Inject IncidentDashboard dashboard;

  @Inject CurrentCaller caller;

  @PUT
  @Path("outline")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response outline(
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Polygon body) {
    setup.putOutline(toOutline(body));
    audit.recordTownStaff("incident.outline", "commune", null);
    return Response.noContent().build();
  }

  @GET
  @Path("services")
  public List<IncidentSetup.Service> services() {
    return setup.services();
  }

  @PUT
  @Path("services/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response saveService(
      @PathParam("code") String code,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Service body) {
    requireCode(code, "[a-z0-9-]{2,40}");
    boolean created = setup.saveService(code, body.nameFr().strip(), body.nameEn(), body.email());
    if (body.agents() != null) {
      setup.setAgents(code, body.agents());
    }
    audit.recordTownStaff(
        created ? "incident.service.created" : "incident.service.changed", code, body.nameFr());
    return Response.status(created ? 201 : 200).entity(Map.of("code", code)).build();
  }

  @GET
  @Path("categories")
  public List<IncidentSetup.Category> categories() {
    return setup.categories();
  }

  @PUT
  @Path("categories/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response saveCategory(
      @PathParam("code") String code,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Category body) {
    requireCode(code, CODE);
    boolean created = setup.saveCategory(code, input(body));
    audit.recordTownStaff(
        created ? "incident.category.created" : "incident.category.changed", code, body.nameFr());
    return Response.status(created ? 201 : 200).entity(Map.of("code", code)).build();
  }

  /** A category's settings from a valid body, with the defaults (the console's editor too). */
  public static IncidentSetup.CategoryInput input(IncidentBodies.Category body) {
    return new IncidentSetup.CategoryInput(
        body.parent(),
        body.nameFr().strip(),
        body.nameEn(),
        !Boolean.FALSE.equals(body.isPublic()),
        Boolean.TRUE.equals(body.photoRequired()),
        body.duplicateRadius() == null ? 50 : body.duplicateRadius(),
        !Boolean.FALSE.equals(body.reopenAllowed()),
        body.expectedDays(),
        body.messageFr(),
        body.messageEn(),
        body.service(),
        body.position() == null ? 0 : body.position(),
        body.form() == null ? null : body.form().toString());
  }

  @PUT
  @Path("categories/{code}/templates/{status}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response saveTemplate(
      @PathParam("code") String code,
      @PathParam("status") String status,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Template body) {
    IncidentStatus s;
    try {
      s = IncidentStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("bad-parameter", "status", "RESOLVED…");
    }
    setup.saveTemplate(code, s, body.textFr().strip(), body.textEn());
    return Response.noContent().build();
  }

  public record SectorView(long id, String name, String kind) {}

  @GET
  @Path("sectors")
  public List<SectorView> sectors() {
    return setup.sectors().stream().map(s -> new SectorView(s.id(), s.name(), s.kind())).toList();
  }

  /** Imports sectors from a GeoJSON FeatureCollection of polygons: their ids, in order. */
  @POST
  @Path("sectors")
  @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
  public Response importSectors(
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.FeatureCollection body) {
    List<Long> ids = addSectors(setup, body);
    audit.recordTownStaff("incident.sectors.imported", String.valueOf(ids.size()), null);
    return Response.status(201).entity(Map.of("ids", ids)).build();
  }

  @DELETE
  @Path("sectors/{id}")
  public Response deleteSector(@PathParam("id") String id) {
    setup.deleteSector(IncidentsResource.id(id));
    return Response.noContent().build();
  }

  /** The town's figures: what the console's dashboard shows. */
  public record DashboardView(
      List<IncidentDashboard.Week> weeks,
      List<IncidentDashboard.ServiceDelay> delays,
      List<IncidentDashboard.Square> squares,
      int squareMetres) {}

  /**
   * Reports per main category and week (12 weeks), delays per service and the heat map (a year).
   */
  @GET
  @Path("dashboard")
  public DashboardView dashboard() {
    return new DashboardView(
        dashboard.weeks(12),
        dashboard.delays(365),
        dashboard.squares(365, 500),
        IncidentDashboard.SQUARE_M);
  }

  /** The last import of the town's Base Adresse Locale, or 404. */
  @GET
  @Path("addresses")
  public IncidentAddresses.Imported addresses() {
    return addresses.lastImport().orElseThrow(() -> ProblemException.notFound("incident-no-bal"));
  }

  /**
   * Replaces the town's addresses with a Base Adresse Locale (the BAL CSV, UTF-8): what was kept
   * and the rows left out with their line and reason. A file with no usable row changes nothing.
   */
  @PUT
  @Path("addresses")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @BodyLimit(24 * BodyLimit.MB)
  public IncidentAddresses.Imported importAddresses(
      @QueryParam("name") String name, java.io.InputStream body) throws java.io.IOException {
    String fileName = name == null ? "" : name.strip();
    if (fileName.length() > 200) {
      fileName = fileName.substring(0, 200);
    }
    IncidentAddresses.Imported done =
        addresses.importBal(
            new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8),
            fileName,
            caller.displayName().orElse(null));
    audit.recordTownStaff(
        "incident.addresses.imported", fileName, done.addresses() + " / " + done.rejected());
    return done;
  }

  @GET
  @Path("rules")
  public List<IncidentSetup.Rule> rules() {
    return setup.rules();
  }

  @POST
  @Path("rules")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addRule(
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Rule body) {
    long id = setup.addRule(body.priority(), body.category(), body.sector(), body.service());
    audit.recordTownStaff("incident.rule.added", String.valueOf(id), body.service());
    return Response.status(201).entity(Map.of("id", id)).build();
  }

  @DELETE
  @Path("rules/{id}")
  public Response deleteRule(@PathParam("id") String id) {
    setup.deleteRule(IncidentsResource.id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("open311-keys")
  public List<Open311Keys.Key> keys() {
    return keys.keys();
  }

  /** Issues a key for a partner: shown once. */
  @POST
  @Path("open311-keys")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issueKey(
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.ApiKey body) {
    Open311Keys.Issued issued = keys.issue(body.name().strip());
    audit.recordTownStaff("incident.open311-key.issued", String.valueOf(issued.id()), body.name());
    return Response.status(201).entity(Map.of("id", issued.id(), "key", issued.key())).build();
  }

  @DELETE
  @Path("open311-keys/{id}")
  public Response revokeKey(@PathParam("id") String id) {
    keys.revoke(IncidentsResource.id(id));
    audit.recordTownStaff("incident.open311-key.revoked", id, null);
    return Response.noContent().build();
  }

  /**
   * Adds each polygon of a GeoJSON FeatureCollection as a sector, all or none (the console's import
   * too).
   */
  public static List<Long> addSectors(IncidentSetup setup, IncidentBodies.FeatureCollection body) {
    List<IncidentSetup.NewSector> sectors = new ArrayList<>();
    int n = 0;
    for (IncidentBodies.Feature f : body.features()) {
      n++;
      String name =
          f.properties() == null || f.properties().name() == null || f.properties().name().isBlank()
              ? "Secteur " + n
              : f.properties().name().strip();
      String kind =
          f.properties() == null || f.properties().kind() == null
              ? "DISTRICT"
              : f.properties().kind().strip().toUpperCase(java.util.Locale.ROOT);
      sectors.add(new IncidentSetup.NewSector(name, kind, toOutline(f.geometry())));
    }
    // every polygon checked before the first is written: all sectors, or none
    return setup.addSectors(sectors);
  }

  static Outline toOutline(IncidentBodies.Polygon p) {
    try {
      return Outline.ofRing(p.coordinates().get(0));
    } catch (IllegalArgumentException e) {
      throw ProblemException.unprocessable("incident-bad-outline");
    }
  }

  static void requireCode(String code, String pattern) {
    if (code == null || !code.matches(pattern)) {
      throw ProblemException.badRequest("bad-parameter", "code", "nid-de-poule");
    }
  }
}
