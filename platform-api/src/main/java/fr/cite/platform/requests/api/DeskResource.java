package fr.cite.platform.requests.api;

import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.BodyLimit;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestCatalog;
import fr.cite.platform.requests.application.RequestDesk;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.application.StatusLabels;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.api.PageView;
import fr.cite.platform.tenancy.api.Paging;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agents' requests API on a town's host ({@link TownStaffOnly}): the queue, a request with
 * notes, assignment, status changes with a message to the citizen, notes, messages, filing on a
 * citizen's behalf, and the dashboard's counts.
 */
@Path("/v1/desk")
@RequestScoped
@TownStaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class DeskResource {

  @Inject RequestDesk desk;

  @Inject Requests requests;

  @Inject RequestCatalog catalog;

  @Inject StatusLabels labels;

  @Inject CurrentCaller caller;

  @Inject fr.cite.platform.staff.application.StaffDirectory staff;

  @Inject RequestHost host;

  @GET
  @Path("requests")
  public PageView<RequestDesk.QueueRow> queue(
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("service") String service,
      @QueryParam("olderThanDays") String olderThanDays,
      @QueryParam("assignee") String assignee,
      @QueryParam("q") String text,
      @QueryParam("sort") String sort,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Paging p = Paging.parse(page, size, 25);
    RequestDesk.QueueFilter f =
        new RequestDesk.QueueFilter(
            service == null
                ? null
                : catalog.services().stream()
                    .filter(s -> s.slug().equals(service))
                    .findFirst()
                    .map(s -> s.id())
                    .orElse(-1L),
            type == null ? null : catalog.type(type).map(RequestType::id).orElse(-1L),
            RequestsResource.parseStatus(status),
            false,
            olderThanDays == null || olderThanDays.isBlank()
                ? null
                : Paging.parseInt("olderThanDays", olderThanDays, 0, 36_500),
            "me".equals(assignee) ? caller.requireSubject() : assignee,
            text);
    boolean descending = sort != null && sort.startsWith("-");
    String field = sort == null ? "submittedAt" : sort.replaceFirst("^-", "");
    return PageView.of(
        desk.queue(f, field, !descending, p.page() * p.size(), p.size()),
        p.page(),
        p.size(),
        desk.count(f));
  }

  @GET
  @Path("requests/{reference}")
  public RequestViews.RequestView get(@PathParam("reference") String reference) {
    return RequestViews.RequestView.of(
        desk.detail(reference),
        host.locale(),
        labels,
        "/api/v1/desk/requests/" + reference + "/files/",
        true);
  }

  @GET
  @Path("requests/{reference}/files/{id}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("reference") String reference, @PathParam("id") long id) {
    return RequestsResource.attachment(requests.attachment(desk.detail(reference).demande(), id));
  }

  /**
   * {@code {"assignee": "me"}} takes it; {@code {"assignee": "<e-mail>"}} gives it to another agent
   * or administrator of the town (422 for anyone else); {@code {"assignee": null}} leaves it
   * unassigned.
   */
  @POST
  @Path("requests/{reference}/assignment")
  @Consumes(MediaType.APPLICATION_JSON)
  public RequestViews.RequestView assign(
      @PathParam("reference") String reference,
      @NotNull(message = "{validation.required}") @Valid RequestBodies.Assignment body) {
    String who = body.assignee();
    String by = caller.displayName().orElse(null);
    if (who == null) {
      desk.assign(reference, null, null, by);
    } else if ("me".equals(who)) {
      desk.assign(reference, caller.requireSubject(), by, by);
    } else {
      var member =
          staff
              .findByEmail(who.strip().toLowerCase(java.util.Locale.ROOT))
              .filter(m -> m.subject().isPresent())
              .filter(
                  m ->
                      m.role() == fr.cite.platform.staff.domain.StaffRole.AGENT
                          || m.role() == fr.cite.platform.staff.domain.StaffRole.TOWN_ADMIN)
              .orElseThrow(() -> ProblemException.unprocessable("request-unknown-agent", who));
      desk.assign(reference, member.subject().orElseThrow(), member.email(), by);
    }
    return get(reference);
  }

  /** {@code {"status", "message"}}: the citizen receives the message by e-mail. */
  @POST
  @Path("requests/{reference}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public RequestViews.RequestView status(
      @PathParam("reference") String reference,
      @NotNull(message = "{validation.required}") @Valid RequestBodies.StatusChange body) {
    desk.changeStatus(
        reference,
        RequestsResource.parseStatus(body.status()),
        body.message(),
        caller.displayName().orElse(null));
    return get(reference);
  }

  @POST
  @Path("requests/{reference}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  public RequestViews.RequestView note(
      @PathParam("reference") String reference,
      @NotNull(message = "{validation.required}") @Valid RequestBodies.Text body) {
    desk.note(reference, body.text(), caller.displayName().orElse(null));
    return get(reference);
  }

  @POST
  @Path("requests/{reference}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  public RequestViews.RequestView message(
      @PathParam("reference") String reference,
      @NotNull(message = "{validation.required}") @Valid RequestBodies.Text body) {
    desk.message(reference, body.text(), null, caller.displayName().orElse(null));
    return get(reference);
  }

  /**
   * Files a request for a citizen who called, came or wrote: {@code {"type", "channel": "PHONE" |
   * "COUNTER" | "MAIL", "values", "contact": {"name", "email", "phone"}}}.
   */
  @POST
  @Path("requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * BodyLimit.MB)
  public Response fileOnBehalf(
      @NotNull(message = "{validation.required}") @Valid RequestBodies.Filing body) {
    RequestChannel channel;
    try {
      channel = RequestChannel.valueOf(String.valueOf(body.channel()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("bad-parameter", "channel", "PHONE, COUNTER, MAIL");
    }
    if (channel == RequestChannel.WEB || channel == RequestChannel.MOBILE) {
      throw ProblemException.badRequest("bad-parameter", "channel", "PHONE, COUNTER, MAIL");
    }
    RequestBodies.Contact contact = body.contactOrEmpty();
    Demande.Citizen citizen =
        new Demande.Citizen(null, contact.name(), contact.email(), contact.phone());
    Requests.Filed filed =
        requests.file(
            new Requests.Filing(
                body.type(),
                citizen,
                channel,
                body.answers(),
                body.uploads(),
                false,
                null,
                DemandeEvent.Actor.AGENT,
                caller.displayName().orElse(null),
                "fr"));
    String reference = filed.demande().reference().orElseThrow();
    return Response.created(URI.create("/api/v1/desk/requests/" + reference))
        .entity(
            new RequestViews.Filed(
                filed.demande().id(),
                reference,
                filed.demande().status().name(),
                filed.trackingCode(),
                "/suivi?reference=" + reference))
        .build();
  }

  /** Counts per status and per type, and the oldest open requests. */
  @GET
  @Path("summary")
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    desk.countsByStatus().forEach((k, v) -> byStatus.put(k.name(), v));
    s.put("byStatus", byStatus);
    Map<String, Long> byType = new LinkedHashMap<>();
    desk.openByType().forEach(r -> byType.put((String) r[0], (Long) r[1]));
    s.put("openByType", byType);
    s.put("oldestOpen", desk.oldestOpen(5));
    return s;
  }
}
