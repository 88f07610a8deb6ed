package fr.cite.platform.incidents.api;

import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.incidents.application.IncidentAddresses;
import fr.cite.platform.incidents.application.IncidentReads;
import fr.cite.platform.incidents.application.IncidentReports;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.problem.BodyLimit;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.api.CitizenOptional;
import fr.cite.platform.requests.api.RequestBodies;
import fr.cite.platform.requests.application.SubmissionLimiter;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Incident reports for the public and for reporters ({@link CitizenOptional}): the category tree,
 * the map and list of a box, the open reports near a point, filing, a report's public page and
 * photos, following, and the reporter's "fixed?" answer.
 */
@Path("/v1/incidents")
@RequestScoped
@CitizenOptional
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

  @Inject IncidentSetup setup;

  @Inject IncidentReports reports;

  @Inject IncidentReads reads;

  @Inject IncidentAddresses addresses;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  @Inject SubmissionLimiter limiter;

  @Context HttpServletRequest http;

  /** A category of the public tree. */
  public record CategoryView(
      String code,
      String name,
      boolean photoRequired,
      String message,
      int duplicateRadius,
      List<CategoryView> children,
      List<fr.cite.platform.requests.api.RequestViews.FieldView> fields) {

    /** The fields of a category, as a request form's are shown. */
    static List<fr.cite.platform.requests.api.RequestViews.FieldView> fields(
        IncidentSetup.Category c, String lang) {
      java.util.Locale l = java.util.Locale.forLanguageTag(lang);
      return c.form().fields().stream()
          .map(f -> fr.cite.platform.requests.api.RequestViews.FieldView.of(f, l))
          .toList();
    }
  }

  @GET
  @Path("categories")
  public List<CategoryView> categories() {
    String lang = language();
    List<IncidentSetup.Category> all =
        setup.categories().stream().filter(IncidentSetup.Category::isPublic).toList();
    return all.stream()
        .filter(c -> c.parentId() == null)
        .map(
            p ->
                new CategoryView(
                    p.code(),
                    p.name(lang),
                    p.photoRequired(),
                    p.message(lang),
                    p.duplicateRadiusM(),
                    all.stream()
                        .filter(c -> c.parentId() != null && c.parentId() == p.id())
                        .map(
                            c ->
                                new CategoryView(
                                    c.code(),
                                    c.name(lang),
                                    c.photoRequired(),
                                    c.message(lang),
                                    c.duplicateRadiusM(),
                                    List.of(),
                                    CategoryView.fields(c, lang)))
                        .toList(),
                    CategoryView.fields(p, lang)))
        .toList();
  }

  /** A feature of the map: a cell of several reports, or a report. */
  public record FeatureView(
      String kind,
      double lat,
      double lon,
      int count,
      Long id,
      String status,
      String statusLabel,
      Boolean open,
      String category) {}

  /** A report of the list (the same ids as the map's). */
  public record ItemView(
      long id,
      String category,
      String categoryName,
      String status,
      String statusLabel,
      boolean open,
      double lat,
      double lon,
      Instant createdAt,
      Instant updatedAt,
      String service) {}

  public record MapView(
      boolean clustered, long total, int page, List<FeatureView> features, List<ItemView> items) {}

  /**
   * The map and the list of a box: {@code bbox=minLon,minLat,maxLon,maxLat}, {@code zoom} (0–20),
   * {@code category} (codes, comma-separated; a parent brings its children), {@code state} (open,
   * closed, all), {@code days} (1–3650), {@code page}.
   */
  @GET
  @Path("map")
  public MapView map(
      @QueryParam("bbox") String bbox,
      @QueryParam("zoom") String zoom,
      @QueryParam("category") String category,
      @QueryParam("state") String state,
      @QueryParam("days") String days,
      @QueryParam("page") String page) {
    double[] box = bbox(bbox);
    int z = integer("zoom", zoom, 0, 20, 14);
    String s = state == null || state.isBlank() ? "all" : state.strip();
    if (!Set.of("open", "closed", "all").contains(s)) {
      throw ProblemException.badRequest("bad-parameter", "state", "open, closed, all");
    }
    Integer d = days == null || days.isBlank() ? null : integer("days", days, 1, 3650, 90);
    Set<String> categories =
        category == null || category.isBlank()
            ? Set.of()
            : Arrays.stream(category.split(",")).map(String::strip).collect(Collectors.toSet());
    IncidentReads.MapView v =
        reads.map(
            new IncidentReads.Filter(box[1], box[0], box[3], box[2], z, categories, s, d),
            integer("page", page, 0, 10_000, 0));
    String lang = language();
    Map<String, IncidentSetup.Category> byCode =
        v.categories().stream().collect(Collectors.toMap(IncidentSetup.Category::code, c -> c));
    return new MapView(
        v.clustered(),
        v.total(),
        v.page(),
        v.features().stream()
            .map(
                f -> {
                  IncidentStatus st =
                      f.status() == null ? null : IncidentStatus.valueOf(f.status());
                  return new FeatureView(
                      f.kind(),
                      f.lat(),
                      f.lon(),
                      f.count(),
                      f.id(),
                      f.status(),
                      st == null ? null : st.label(lang),
                      st == null ? null : st.open(),
                      f.category());
                })
            .toList(),
        v.items().stream()
            .map(
                i -> {
                  IncidentStatus st = IncidentStatus.valueOf(i.status());
                  IncidentSetup.Category c = byCode.get(i.category());
                  return new ItemView(
                      i.id(),
                      i.category(),
                      c == null ? i.category() : c.name(lang),
                      i.status(),
                      st.label(lang),
                      st.open(),
                      i.lat(),
                      i.lon(),
                      i.createdAt(),
                      i.updatedAt(),
                      i.service());
                })
            .toList());
  }

  /** The town's outline and sectors, for the blank map layer. */
  @GET
  @Path("geojson")
  @Produces("application/geo+json")
  public Response geoJson() {
    return Response.ok(reads.geoJson(), "application/geo+json")
        .header("Cache-Control", "public, max-age=300")
        .build();
  }

  public record NearbyView(
      long id,
      String status,
      String statusLabel,
      int distance,
      String photo,
      Instant createdAt,
      int followers) {}

  /** Open reports of the category near the point, nearest first (before filing). */
  @GET
  @Path("nearby")
  public List<NearbyView> nearby(
      @QueryParam("category") String category,
      @QueryParam("lat") String lat,
      @QueryParam("lon") String lon) {
    if (category == null || category.isBlank()) {
      throw ProblemException.badRequest("bad-parameter", "category", "nid-de-poule");
    }
    String lang = language();
    return reports.nearby(category.strip(), decimal("lat", lat), decimal("lon", lon)).stream()
        .map(
            n ->
                new NearbyView(
                    n.id(),
                    n.status().name(),
                    n.status().label(lang),
                    n.distanceM(),
                    n.photoId() == null
                        ? null
                        : "/api/v1/incidents/" + n.id() + "/photos/" + n.photoId(),
                    n.createdAt(),
                    n.followers()))
        .toList();
  }

  /**
   * Addresses of the town matching what is typed (the town's Base Adresse Locale, else the
   * deployment's geocoder), 8 at most; none under three letters.
   */
  @GET
  @Path("addresses")
  public List<IncidentAddresses.Found> addresses(@QueryParam("q") String q) {
    if (q != null && q.length() > 200) {
      throw ProblemException.badRequest("bad-parameter", "q", "12 rue de Paris");
    }
    return addresses.search(q, 8);
  }

  /** The address of a point: the nearest within 60 m, or 404. */
  @GET
  @Path("addresses/at")
  public IncidentAddresses.Found addressAt(
      @QueryParam("lat") String lat, @QueryParam("lon") String lon) {
    double la = decimal("lat", lat);
    double lo = decimal("lon", lon);
    if (!GeoPoint.valid(la, lo)) {
      throw ProblemException.badRequest("bad-parameter", "lat", "49.49");
    }
    return addresses
        .at(new GeoPoint(la, lo))
        .orElseThrow(() -> ProblemException.notFound("incident-no-address"));
  }

  public record FiledView(
      long id,
      String reference,
      String status,
      String statusLabel,
      String trackingCode,
      boolean alreadyFiled,
      String page) {}

  /** Files a report: 201 with its number (and the tracking code, once, without account). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(24 * BodyLimit.MB)
  public Response file(
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Report body) {
    boolean signedIn = caller.subject().isPresent();
    long town = host.town().orElseThrow().id();
    if (!signedIn && !limiter.under("incident", town, http.getRemoteAddr())) {
      throw new ProblemException(429, "request-rate-limited");
    }
    String email = signedIn ? caller.displayName().orElse(null) : body.email();
    if (!signedIn && (email == null || email.isBlank())) {
      throw ProblemException.invalidFields(
          List.of(new ProblemException.FieldProblem("email", "validation.required", List.of())));
    }
    Demande.Citizen citizen =
        new Demande.Citizen(
            caller.subject().orElse(null),
            body.name() == null || body.name().isBlank() ? email : body.name().strip(),
            email,
            null);
    IncidentReports.Filed filed =
        reports.file(
            new IncidentReports.Report(
                body.category(),
                body.lat(),
                body.lon(),
                body.accuracy(),
                body.source(),
                body.address(),
                body.description(),
                body.shownAs(),
                body.photos() == null
                    ? List.of()
                    : body.photos().stream().map(RequestBodies.FileBody::upload).toList(),
                citizen,
                body.idempotencyKey(),
                RequestChannel.WEB,
                language(),
                body.answers()));
    if (!signedIn && !filed.alreadyFiled()) {
      limiter.record("incident", town, http.getRemoteAddr());
    }
    return Response.status(filed.alreadyFiled() ? 200 : 201)
        .location(URI.create("/api/v1/incidents/" + filed.id()))
        .entity(
            new FiledView(
                filed.id(),
                filed.reference(),
                filed.status().name(),
                filed.status().label(language()),
                filed.trackingCode(),
                filed.alreadyFiled(),
                "/signalements/" + filed.id()))
        .build();
  }

  /** A public update. */
  public record UpdateView(String status, String statusLabel, String message, Instant at) {}

  /** A report as anyone may read it. */
  public record ReportView(
      long id,
      String category,
      String categoryName,
      String status,
      String statusLabel,
      boolean open,
      String open311Status,
      String publicNote,
      String description,
      String address,
      double lat,
      double lon,
      Instant createdAt,
      Instant updatedAt,
      LocalDate expectedOn,
      String service,
      String reporter,
      int followers,
      List<String> photos,
      List<UpdateView> updates) {

    static ReportView of(IncidentReads.PublicReport r, String lang) {
      return new ReportView(
          r.id(),
          r.categoryCode(),
          r.categoryName(lang),
          r.status().name(),
          r.status().label(lang),
          r.status().open(),
          r.status().open311(),
          r.publicNote(),
          r.description(),
          r.address(),
          r.lat(),
          r.lon(),
          r.createdAt(),
          r.updatedAt(),
          r.expectedOn(),
          r.serviceName(lang),
          r.reporter(),
          r.followers(),
          r.photoIds().stream().map(p -> "/api/v1/incidents/" + r.id() + "/photos/" + p).toList(),
          r.updates().stream()
              .map(
                  u -> {
                    IncidentStatus s = IncidentStatus.valueOf(u.status());
                    return new UpdateView(s.name(), s.label(lang), u.message(), u.at());
                  })
              .toList());
    }
  }

  @GET
  @Path("{id}")
  public ReportView report(@PathParam("id") String id) {
    return ReportView.of(reads.requireReport(id(id)), language());
  }

  @GET
  @Path("{id}/photos/{photo}")
  @Produces("image/jpeg")
  public Response photo(@PathParam("id") String id, @PathParam("photo") String photo) {
    byte[] bytes =
        reads
            .publicPhoto(id(id), id(photo))
            .orElseThrow(() -> ProblemException.notFound("incident-photo-not-found", id));
    return Response.ok(bytes, "image/jpeg")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "public, max-age=600")
        .build();
  }

  /** Follow by e-mail ("me too"): the number of followers. */
  @POST
  @Path("{id}/followers")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Integer> follow(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Follow body) {
    if (!limiter.allow("incident-follow", host.town().orElseThrow().id(), http.getRemoteAddr())) {
      throw new ProblemException(429, "request-rate-limited");
    }
    return Map.of("followers", reports.follow(id(id), body.email()));
  }

  /** Stops the e-mails of the follower whose link carries this token. */
  @POST
  @Path("{id}/followers/unfollow")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response unfollow(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Unfollow body) {
    if (!limiter.allow("incident-follow", host.town().orElseThrow().id(), http.getRemoteAddr())) {
      throw new ProblemException(429, "request-rate-limited");
    }
    reports.unfollow(id(id), java.util.UUID.fromString(body.token()));
    return Response.noContent().build();
  }

  /** The reporter's "fixed?" answer: the status after it. */
  @POST
  @Path("{id}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReportView answer(
      @PathParam("id") String id,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Answer body) {
    if (!limiter.allow("incident-answer", host.town().orElseThrow().id(), http.getRemoteAddr())) {
      throw new ProblemException(429, "request-rate-limited");
    }
    long incident = id(id);
    reports.answer(
        incident, body.answer(), body.comment(), caller.subject().orElse(null), body.code());
    return ReportView.of(reads.requireReport(incident), language());
  }

  private String language() {
    return host.locale().getLanguage();
  }

  static long id(String s) {
    try {
      long v = Long.parseLong(s);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ProblemException.notFound("incident-not-found", s);
  }

  static int integer(String name, String value, int min, int max, int otherwise) {
    Integer v = bounded(value, min, max, otherwise);
    if (v == null) {
      throw ProblemException.badRequest("bad-parameter", name, min + "–" + max);
    }
    return v;
  }

  /** A whole number within bounds, {@code otherwise} when absent, null when it is not one. */
  static Integer bounded(String value, int min, int max, int otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      int v = Integer.parseInt(value.strip());
      return v >= min && v <= max ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static double decimal(String name, String value) {
    try {
      double v = Double.parseDouble(value.strip());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (RuntimeException e) {
      // below
    }
    throw ProblemException.badRequest("bad-parameter", name, "49.49");
  }

  static double[] bbox(String value) {
    String[] parts = value == null ? new String[0] : value.split(",");
    if (parts.length != 4) {
      throw ProblemException.badRequest("bad-parameter", "bbox", "minLon,minLat,maxLon,maxLat");
    }
    double[] b = new double[4];
    for (int i = 0; i < 4; i++) {
      b[i] = decimal("bbox", parts[i]);
    }
    if (b[0] > b[2]
        || b[1] > b[3]
        || Math.abs(b[1]) > 90
        || Math.abs(b[3]) > 90
        || Math.abs(b[0]) > 180
        || Math.abs(b[2]) > 180) {
      throw ProblemException.badRequest("bad-parameter", "bbox", "minLon,minLat,maxLon,maxLat");
    }
    return b;
  }
}
