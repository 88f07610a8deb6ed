package fr.cite.platform.incidents.api;

import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.incidents.application.IncidentDesk;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.incidents.domain.IncidentPhoto;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.incidents.domain.Routing;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.api.TownStaffOnly;
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
import java.util.List;
import java.util.Map;

/**
 * The agents' API for reports ({@link TownStaffOnly}): their services' queue (or any service's, or
 * the front desk's), a report in full, and what they do with it.
 */
@Path("/v1/desk/incidents")
@RequestScoped
@TownStaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class IncidentDeskResource {

  @Inject IncidentDesk desk;

  @Inject IncidentSetup setup;

  @Inject CurrentCaller caller;

  @Inject AuditLog audit;

  /**
   * {@code service}: a service's code, {@code mine} (the services the agent works for, and the
   * front desk), {@code front-desk}, or nothing (all); {@code state}: open, closed, all.
   */
  @GET
  public List<IncidentDesk.Row> queue(
      @QueryParam("service") String service,
      @QueryParam("state") String state,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    int p = IncidentsResource.integer("page", page, 0, 100_000, 0);
    int s = IncidentsResource.integer("size", size, 1, 200, 50);
    String st = state == null || state.isBlank() ? "open" : state.strip();
    List<Long> services;
    boolean frontDesk = false;
    if (service == null || service.isBlank()) {
      services = List.of();
    } else if ("mine".equals(service)) {
      services = setup.servicesOf(caller.displayName().orElse(""));
      frontDesk = services.isEmpty();
    } else if ("front-desk".equals(service)) {
      services = List.of();
      frontDesk = true;
    } else {
      services =
          List.of(
              setup
                  .service(service)
                  .orElseThrow(
                      () -> ProblemException.badRequest("bad-parameter", "service", "voirie"))
                  .id());
    }
    return desk.queue(services, frontDesk, st, p * s, s);
  }

  @GET
  @Path("{id}")
  public IncidentDesk.Detail detail(@PathParam("id") String id) {
    return desk.detail(IncidentsResource.id(id));
  }

  @GET
  @Path("{id}/photos/{photo}")
  @Produces("image/jpeg")
  public Response photo(@PathParam("id") String id, @PathParam("photo") String photo) {
    return Response.ok(
            desk.photo(IncidentsResource.id(id), IncidentsResource.id(photo)), "image/jpeg")
        .header("Cache-Control", "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @POST
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentDesk.Detail move(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Move body) {
    long incident = IncidentsResource.id(id);
    desk.move(incident, body.status(), body.message(), body.note(), by());
    audit.recordTownStaff("incident.status", String.valueOf(incident), body.status().name());
    return desk.detail(incident);
  }

  @POST
  @Path("{id}/requalify")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> requalify(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Requalify body) {
    long incident = IncidentsResource.id(id);
    Routing.Decision d = desk.requalify(incident, body.category(), body.lat(), body.lon(), by());
    audit.recordTownStaff("incident.requalified", String.valueOf(incident), d.explanation());
    return Map.of(
        "service",
        d.serviceId().map(String::valueOf).orElse(""),
        "reason",
        d.reason().name(),
        "explanation",
        d.explanation());
  }

  @POST
  @Path("{id}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentDesk.Detail merge(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Merge body) {
    long incident = IncidentsResource.id(id);
    desk.merge(incident, body.into(), by());
    audit.recordTownStaff("incident.merged", String.valueOf(incident), String.valueOf(body.into()));
    return desk.detail(body.into());
  }

  @PUT
  @Path("{id}/moderation")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentDesk.Detail moderate(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Moderation body) {
    long incident = IncidentsResource.id(id);
    List<IncidentDesk.PhotoModeration> photos;
    try {
      photos =
          body.photos() == null
              ? List.of()
              : body.photos().stream()
                  .map(
                      p ->
                          new IncidentDesk.PhotoModeration(
                              p.photo(),
                              Boolean.TRUE.equals(p.hidden()),
                              p.masks() == null
                                  ? List.of()
                                  : p.masks().stream()
                                      .map(m -> new IncidentPhoto.Mask(m.x(), m.y(), m.w(), m.h()))
                                      .toList()))
                  .toList();
    } catch (IllegalArgumentException e) {
      throw ProblemException.unprocessable("incident-bad-mask");
    }
    desk.moderate(incident, body.text(), Boolean.TRUE.equals(body.hide()), photos, by());
    audit.recordTownStaff("incident.moderated", String.valueOf(incident), null);
    return desk.detail(incident);
  }

  @PUT
  @Path("{id}/schedule")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentDesk.Detail schedule(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Schedule body) {
    long incident = IncidentsResource.id(id);
    desk.schedule(incident, body.on(), by());
    return desk.detail(incident);
  }

  /** The transition table, for the console's buttons. */
  @GET
  @Path("statuses")
  public List<Map<String, Object>> statuses() {
    return java.util.Arrays.stream(IncidentStatus.values())
        .map(
            s ->
                Map.<String, Object>of(
                    "status",
                    s.name(),
                    "labelFr",
                    s.label("fr"),
                    "labelEn",
                    s.label("en"),
                    "open311",
                    s.open311(),
                    "next",
                    s.next().stream().map(Enum::name).toList()))
        .toList();
  }

  private String by() {
    return caller.displayName().orElse("agent");
  }
}
