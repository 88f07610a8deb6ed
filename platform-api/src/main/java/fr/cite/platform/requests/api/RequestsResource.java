package fr.cite.platform.requests.api;

import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.BodyLimit;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.CitizenData;
import fr.cite.platform.requests.application.RequestCatalog;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.application.StatusLabels;
import fr.cite.platform.requests.application.SubmissionLimiter;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeAttachment;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.api.PageView;
import fr.cite.platform.tenancy.api.Paging;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The citizens' requests API on a town's host: the request types and their forms; filing (signed in
 * with a bearer token, or without an account for the types that allow it, rate-limited); "Mon
 * compte" (every request of the citizen in this town); a request with its history, replies and
 * files; following a request with its reference and tracking code; the citizen's data.
 */
@Path("/v1/requests")
@RequestScoped
@CitizenOptional
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

  @Inject RequestCatalog catalog;

  @Inject Requests requests;

  @Inject CitizenData data;

  @Inject fr.cite.platform.requests.application.AccountDeletion accounts;

  @Inject StatusLabels labels;

  @Inject SubmissionLimiter limiter;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  @Context HttpServletRequest http;

  @GET
  @Path("types")
  public List<RequestViews.TypeView> types() {
    return catalog.activeTypes().stream().map(t -> RequestViews.TypeView.of(t, locale())).toList();
  }

  @GET
  @Path("types/{slug}")
  public RequestViews.TypeView type(@PathParam("slug") String slug) {
    return RequestViews.TypeView.of(catalog.requireActive(slug), locale());
  }

  /**
   * Files a request: {@code {"type", "values": {field: value or [values]}, "contact": {"name",
   * "email", "phone"}, "files": [{"field", "fileName", "content" (base 64)}], "draft", "draftId"}}
   * (a draft is kept for its citizen; {@code draftId} completes one). 201 with the reference (and
   * the tracking code, shown once, without account); 422 with each field's problem.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * BodyLimit.MB)
  public Response file(
      @NotNull(message = "{validation.required}") @Valid RequestBodies.Filing body) {
    boolean signedIn = caller.subject().isPresent();
    if (!signedIn && !limiter.allow("file", host.town().orElseThrow().id(), http.getRemoteAddr())) {
      throw new ProblemException(429, "request-rate-limited");
    }
    RequestBodies.Contact contact = body.contactOrEmpty();
    String email = signedIn ? caller.displayName().orElse(null) : contact.email();
    Demande.Citizen citizen =
        new Demande.Citizen(
            caller.subject().orElse(null),
            contact.name() == null ? email : contact.name(),
            email,
            contact.phone());
    Requests.Filed filed =
        requests.file(
            new Requests.Filing(
                body.type(),
                citizen,
                RequestChannel.WEB,
                body.answers(),
                body.uploads(),
                Boolean.TRUE.equals(body.draft()),
                body.draftId(),
                DemandeEvent.Actor.CITIZEN,
                citizen.name(),
                locale().getLanguage()));
    Demande d = filed.demande();
    String reference = d.reference().orElse(null);
    return Response.created(
            URI.create("/api/v1/requests/" + (reference == null ? "drafts/" + d.id() : reference)))
        .entity(
            new RequestViews.Filed(
                d.id(),
                reference,
                d.status().name(),
                filed.trackingCode(),
                reference == null
                    ? null
                    : (signedIn
                        ? "/compte/demandes/" + reference
                        : "/suivi?reference=" + reference)))
        .build();
  }

  /** Every request of the signed-in citizen in this town, latest activity first. */
  @GET
  @Path("mine")
  public PageView<Requests.MineRow> mine(
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    String subject = requireSignedIn();
    Paging p = Paging.parse(page, size, 20);
    RequestStatus s = parseStatus(status);
    return PageView.of(
        requests.mine(subject, s, blank(type), p.page() * p.size(), p.size()),
        p.page(),
        p.size(),
        requests.countMine(subject, s, blank(type)));
  }

  @GET
  @Path("{reference}")
  public RequestViews.RequestView get(@PathParam("reference") String reference) {
    Requests.View v = requests.forCitizen(reference, requireSignedIn());
    return RequestViews.RequestView.of(
        v, locale(), labels, "/api/v1/requests/" + reference + "/files/", false);
  }

  /** A reply of the signed-in citizen: {@code {"text", "file": {"fileName", "content"}}}. */
  @POST
  @Path("{reference}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * BodyLimit.MB)
  public RequestViews.RequestView reply(
      @PathParam("reference") String reference,
      @NotNull(message = "{validation.required}") @Valid RequestBodies.Reply body) {
    requests.reply(
        reference,
        requireSignedIn(),
        caller.displayName().orElse(null),
        body.text(),
        body.upload());
    return get(reference);
  }

  @GET
  @Path("{reference}/files/{id}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("reference") String reference, @PathParam("id") long id) {
    return attachment(requests.attachment(requests.ownRequest(reference, requireSignedIn()), id));
  }

  /** Following without an account: {@code {"reference", "code"}}; 404 unless both match. */
  @POST
  @Path("tracking")
  @Consumes(MediaType.APPLICATION_JSON)
  public RequestViews.RequestView track(
      @NotNull(message = "{validation.required}") @Valid RequestBodies.Tracking body) {
    if (!limiter.allow("track", host.town().orElseThrow().id(), http.getRemoteAddr())) {
      throw new ProblemException(429, "request-rate-limited");
    }
    Requests.View v = requests.tracked(body.reference(), body.code());
    return RequestViews.RequestView.of(v, locale(), labels, "", false);
  }

  /** Everything this town holds on the signed-in citizen, as a JSON file. */
  @GET
  @Path("me/data")
  public Response export() {
    String subject = requireSignedIn();
    String json =
        data.export(subject, caller.displayName().orElse(null), caller.displayName().orElse(null));
    return Response.ok(json, MediaType.APPLICATION_JSON)
        .header(
            "Content-Disposition",
            "attachment; filename=\"mes-donnees-" + host.town().orElseThrow().slug() + ".json\"")
        .build();
  }

  /** Forgets the signed-in citizen in this town: requests anonymised, drafts deleted. */
  @DELETE
  @Path("me")
  public Response forget() {
    data.forget(requireSignedIn());
    return Response.noContent().build();
  }

  /**
   * Deletes the signed-in citizen's account: their requests in every town anonymised (kept, as the
   * towns must keep them), their drafts deleted, then their sign-in account deleted.
   */
  @DELETE
  @Path("me/account")
  public Response deleteAccount() {
    accounts.delete(requireSignedIn());
    return Response.noContent().build();
  }

  static Response attachment(DemandeAttachment a) {
    return Response.ok(a.content(), a.contentType())
        .header("Content-Disposition", a.contentDisposition())
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  private String requireSignedIn() {
    return caller.subject().orElseThrow(() -> new ProblemException(401, "bearer-token-missing"));
  }

  private Locale locale() {
    return host.locale();
  }

  static RequestStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "bad-parameter", "status", java.util.Arrays.toString(RequestStatus.values()));
    }
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
