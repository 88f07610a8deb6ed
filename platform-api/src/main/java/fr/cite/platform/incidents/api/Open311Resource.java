package fr.cite.platform.incidents.api;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.incidents.application.IncidentReads;
import fr.cite.platform.incidents.application.IncidentReports;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.incidents.application.Open311Keys;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.problem.Problems;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Open311 GeoReport v2 on every town's host ({@code /open311/v2/…}), in JSON and XML, as the
 * specification says (wiki.open311.org/GeoReport_v2): discovery, services and their definitions,
 * requests (listed with the specification's filters; filed with a key the town issued), a request,
 * tokens; errors as {@code [{code, description}]} with 400, 403 or 404. The French profile, behind
 * {@code extensions=true}: each request's {@code extended_attributes} (status detail and its French
 * label, photos, category group), {@code page}/{@code page_size}, and {@code servicerequestupdates}
 * (the public updates, as FixMyStreet serves them).
 */
@Path("/v2")
@RequestScoped
public class Open311Resource {

  static final String FORMAT = "{format: json|xml}";
  static final int MAX = 1000;

  @Inject IncidentSetup setup;

  @Inject IncidentReads reads;

  @Inject IncidentReports reports;

  @Inject Open311Keys keys;

  @Inject RequestHost host;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest http;

  @GET
  @Path("discovery." + FORMAT)
  public Response discovery(@PathParam("format") String format) {
    return run(
        format,
        () -> {
          Map<String, Object> endpoint = new LinkedHashMap<>();
          endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
          endpoint.put("url", base() + "/open311/v2");
          endpoint.put("changeset", "2026-12-03T00:00:00+01:00");
          endpoint.put("type", "production");
          endpoint.put(
              "formats",
              new Open311Format.ItemList("format", List.of("text/xml", "application/json")));
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("changeset", "2026-12-03T00:00:00+01:00");
          d.put("contact", "Mairie — " + town());
          d.put("key_service", base() + "/ (l'administrateur de la commune délivre les clés)");
          d.put("endpoints", new Open311Format.ItemList("endpoint", List.of(endpoint)));
          return Response.ok(Open311Format.of(format).write("discovery", null, d));
        });
  }

  @GET
  @Path("services." + FORMAT)
  public Response services(@PathParam("format") String format) {
    return run(
        format,
        () -> {
          List<IncidentSetup.Category> all = setup.categories();
          List<Map<String, Object>> out = new ArrayList<>();
          for (IncidentSetup.Category c : publicLeaves(all)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.nameFr());
            s.put("description", c.messageFr() == null ? c.nameFr() : c.messageFr());
            s.put("metadata", !c.form().fields().isEmpty());
            s.put("type", "realtime");
            s.put("keywords", c.code().replace('-', ','));
            s.put(
                "group",
                c.parentId() == null
                    ? ""
                    : all.stream()
                        .filter(p -> p.id() == c.parentId())
                        .findFirst()
                        .map(IncidentSetup.Category::nameFr)
                        .orElse(""));
            out.add(s);
          }
          return Response.ok(Open311Format.of(format).write("services", "service", out));
        });
  }

  @GET
  @Path("services/{code}." + FORMAT)
  public Response service(@PathParam("code") String code, @PathParam("format") String format) {
    return run(
        format,
        () -> {
          IncidentSetup.Category c =
              publicLeaves().stream()
                  .filter(x -> x.code().equals(code))
                  .findFirst()
                  .orElseThrow(() -> new Open311Error(404, "service_code " + code + " not found"));
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("service_code", c.code());
          d.put("attributes", new Open311Format.ItemList("attribute", attributes(c)));
          return Response.ok(Open311Format.of(format).write("service_definition", null, d));
        });
  }

  @GET
  @Path("requests." + FORMAT)
  public Response requests(
      @PathParam("format") String format,
      @QueryParam("service_request_id") String ids,
      @QueryParam("service_code") String codes,
      @QueryParam("start_date") String start,
      @QueryParam("end_date") String end,
      @QueryParam("status") String status,
      @QueryParam("extensions") String extensions,
      @QueryParam("page") String page,
      @QueryParam("page_size") String pageSize) {
    return run(
        format,
        () -> {
          List<Long> idList = ids == null || ids.isBlank() ? null : idList(ids);
          List<String> codeList =
              codes == null || codes.isBlank()
                  ? null
                  : Arrays.stream(codes.split(",")).map(String::strip).toList();
          Instant from = datetime("start_date", start);
          Instant to = datetime("end_date", end);
          if (idList == null && from == null && to == null) {
            from = Instant.now().minus(java.time.Duration.ofDays(90));
          }
          String state = status == null || status.isBlank() ? null : status.strip();
          if (state != null && !List.of("open", "closed").contains(state)) {
            throw new Open311Error(400, "status must be open or closed");
          }
          boolean ext = "true".equals(extensions);
          int size = ext ? number("page_size", pageSize, 1, MAX, MAX) : MAX;
          int p = ext ? number("page", page, 1, 1_000_000, 1) : 1;
          List<IncidentReads.Open311Row> rows =
              reads.search(idList, codeList, from, to, state, (p - 1) * size, size);
          return Response.ok(
              Open311Format.of(format)
                  .write(
                      "service_requests",
                      "request",
                      rows.stream().map(r -> request(r, ext)).toList()));
        });
  }

  @GET
  @Path("requests/{id}." + FORMAT)
  public Response request(
      @PathParam("id") String id,
      @PathParam("format") String format,
      @QueryParam("extensions") String extensions) {
    return run(
        format,
        () -> {
          List<IncidentReads.Open311Row> rows =
              reads.search(idList(id), null, null, null, null, 0, 1);
          if (rows.isEmpty()) {
            throw new Open311Error(404, "service_request_id " + id + " not found");
          }
          return Response.ok(
              Open311Format.of(format)
                  .write(
                      "service_requests",
                      "request",
                      List.of(request(rows.get(0), "true".equals(extensions)))));
        });
  }

  @GET
  @Path("tokens/{token}." + FORMAT)
  public Response token(@PathParam("token") String token, @PathParam("format") String format) {
    return run(
        format,
        () -> {
          long id =
              (token == null || !token.startsWith("o311-")
                      ? java.util.Optional.<Long>empty()
                      : reads.byToken(token))
                  .orElseThrow(() -> new Open311Error(404, "token " + token + " not found"));
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("service_request_id", String.valueOf(id));
          r.put("token", token);
          return Response.ok(
              Open311Format.of(format).write("service_requests", "request", List.of(r)));
        });
  }

  /** FixMyStreet's extension: the public updates of a period (90 days at most). */
  @GET
  @Path("servicerequestupdates." + FORMAT)
  public Response updates(
      @PathParam("format") String format,
      @QueryParam("start_date") String start,
      @QueryParam("end_date") String end) {
    return run(
        format,
        () -> {
          Instant to = datetime("end_date", end);
          to = to == null ? Instant.now() : to;
          Instant from = datetime("start_date", start);
          from = from == null ? to.minus(java.time.Duration.ofDays(1)) : from;
          List<Map<String, Object>> out = new ArrayList<>();
          for (IncidentReads.ReportUpdate u : reads.updatesBetween(from, to)) {
            fr.cite.platform.incidents.domain.IncidentStatus s =
                fr.cite.platform.incidents.domain.IncidentStatus.valueOf(u.update().status());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("update_id", String.valueOf(u.update().id()));
            m.put("service_request_id", String.valueOf(u.incidentId()));
            m.put("status", s.open311());
            m.put("updated_datetime", Open311Format.datetime(u.update().at()));
            m.put(
                "description", u.update().message() == null ? s.label("fr") : u.update().message());
            m.put("media_url", "");
            m.put(
                "extended_attributes",
                Map.of("status_detail", s.name(), "status_label_fr", s.label("fr")));
            out.add(m);
          }
          return Response.ok(
              Open311Format.of(format).write("service_request_updates", "request_update", out));
        });
  }

  /** Files a request (form-encoded, as the specification says), with the partner's key. */
  @POST
  @Path("requests." + FORMAT)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response file(@PathParam("format") String format) {
    return run(
        format,
        () -> {
          // The servlet's parameters: the form's and the query string's (partners send the key in
          // either), whichever filter read the body first.
          MultivaluedMap<String, String> form = new jakarta.ws.rs.core.MultivaluedHashMap<>();
          http.getParameterMap().forEach((k, v) -> form.addAll(k, v));
          keys.partner(form == null ? null : form.getFirst("api_key"))
              .orElseThrow(() -> new Open311Error(403, "api_key missing or not valid"));
          Open311Bodies.NewRequest in = Open311Bodies.NewRequest.of(form);
          if (publicLeaves().stream().noneMatch(c -> c.code().equals(in.serviceCode()))) {
            throw new Open311Error(404, "service_code " + in.serviceCode() + " not found");
          }
          String name = (in.firstName() + " " + in.lastName()).strip();
          String token = "o311-" + UUID.randomUUID();
          IncidentReports.Filed filed =
              reports.file(
                  new IncidentReports.Report(
                      in.serviceCode(),
                      in.lat(),
                      in.lon(),
                      null,
                      "GPS",
                      in.address(),
                      in.description(),
                      IncidentReports.ShownAs.HIDDEN,
                      List.of(),
                      new Demande.Citizen(
                          null, name.isEmpty() ? in.email() : name, in.email(), in.phone()),
                      token,
                      RequestChannel.MOBILE,
                      "fr",
                      attributes(form)));
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("service_request_id", String.valueOf(filed.id()));
          r.put("token", token);
          r.put(
              "service_notice",
              "Signalement n° "
                  + filed.id()
                  + " reçu par "
                  + town()
                  + " (référence "
                  + filed.reference()
                  + ").");
          r.put("account_id", null);
          return Response.status(201)
              .entity(Open311Format.of(format).write("service_requests", "request", List.of(r)));
        });
  }

  private Map<String, Object> request(IncidentReads.Open311Row r, boolean ext) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", String.valueOf(r.id()));
    m.put("status", r.status().open311());
    m.put("status_notes", r.publicNote() == null ? "" : r.publicNote());
    m.put("service_name", r.categoryName());
    m.put("service_code", r.categoryCode());
    m.put("description", r.description() == null ? "" : r.description());
    m.put("agency_responsible", r.service() == null ? town() : r.service());
    m.put("service_notice", "");
    m.put("requested_datetime", Open311Format.datetime(r.createdAt()));
    m.put("updated_datetime", Open311Format.datetime(r.updatedAt()));
    m.put(
        "expected_datetime",
        r.expectedOn() == null
            ? ""
            : Open311Format.datetime(
                r.expectedOn().atTime(12, 0).atZone(Open311Format.TOWN).toInstant()));
    m.put("address", r.address() == null ? "" : r.address());
    m.put("address_id", "");
    m.put("zipcode", "");
    m.put("lat", r.lat());
    m.put("long", r.lon());
    m.put("media_url", r.photoId() == null ? "" : photoUrl(r.id(), r.photoId()));
    if (ext) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("status_detail", r.status().name());
      x.put("status_label_fr", r.status().label("fr"));
      x.put("status_label_en", r.status().label("en"));
      x.put(
          "photos",
          new Open311Format.ItemList(
              "photo", r.photoId() == null ? List.of() : List.of(photoUrl(r.id(), r.photoId()))));
      x.put("page_url", base() + "/signalements/" + r.id());
      m.put("extended_attributes", x);
    }
    return m;
  }

  private String photoUrl(long id, long photo) {
    return base() + "/api/v1/incidents/" + id + "/photos/" + photo;
  }

  private String base() {
    return config.publicUrl(directory.platformHostOf(host.town().orElseThrow().slug()));
  }

  private String town() {
    return host.town().map(t -> t.name()).orElse("");
  }

  private List<IncidentSetup.Category> publicLeaves() {
    return publicLeaves(setup.categories());
  }

  static List<IncidentSetup.Category> publicLeaves(List<IncidentSetup.Category> all) {
    return IncidentSetup.leavesOf(all).stream().filter(IncidentSetup.Category::isPublic).toList();
  }

  static List<Long> idList(String ids) {
    List<Long> out = new ArrayList<>();
    for (String s : ids.split(",")) {
      try {
        out.add(Long.parseLong(s.strip()));
      } catch (NumberFormatException e) {
        throw new Open311Error(400, "service_request_id must be numbers separated by commas");
      }
    }
    if (out.size() > MAX) {
      throw new Open311Error(400, "at most " + MAX + " service_request_id");
    }
    return out;
  }

  static Instant datetime(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw new Open311Error(400, name + " must be a W3C datetime with its offset");
    }
  }

  static int number(String name, String value, int min, int max, int otherwise) {
    Integer v = IncidentsResource.bounded(value, min, max, otherwise);
    if (v == null) {
      throw new Open311Error(400, name + " must be between " + min + " and " + max);
    }
    return v;
  }

  /** A failure the specification names: its HTTP status, its description. */
  static class Open311Error extends RuntimeException {
    final int status;

    Open311Error(int status, String description) {
      super(description, null, false, false);
      this.status = status;
    }
  }

  /** Runs an endpoint; every failure becomes the specification's error list in the format asked. */
  private Response run(String format, Supplier<Response.ResponseBuilder> endpoint) {
    Open311Format f = Open311Format.of(format);
    if (host.town().isEmpty()) {
      return error(f, 404, "Open311 is served on a town's host");
    }
    try {
      return endpoint.get().type(f.mediaType()).build();
    } catch (Open311Error e) {
      return error(f, e.status, e.getMessage());
    } catch (ProblemException e) {
      int status = e.status() == 404 ? 404 : e.status() == 403 ? 403 : 400;
      String detail = Problems.of(e.status(), e.code(), Locale.FRENCH, null, e.args()).detail();
      if (!e.fieldProblems().isEmpty()) {
        detail =
            e.fieldProblems().stream()
                .map(p -> p.field() + " : " + p.message(Locale.FRENCH))
                .reduce((a, b) -> a + " ; " + b)
                .orElse(detail);
      }
      return error(f, status, detail);
    }
  }

  static Response error(Open311Format f, int status, String description) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("code", status);
    e.put("description", description);
    return Response.status(status)
        .type(f.mediaType())
        .entity(f.write("errors", "error", List.of(e)))
        .build();
  }

  private static final java.util.regex.Pattern ATTRIBUTE =
      java.util.regex.Pattern.compile("attribute\\[([a-zA-Z0-9_]{1,41})\\](\\[\\])?");

  /**
   * The service's attributes as Open311 sends them ({@code attribute[code]=value}, and {@code
   * attribute[code][]=value} for each value of a multi-value list): the category's own fields.
   */
  static Map<String, List<String>> attributes(MultivaluedMap<String, String> form) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          java.util.regex.Matcher m = ATTRIBUTE.matcher(k);
          if (m.matches()) {
            answers.computeIfAbsent(m.group(1), x -> new java.util.ArrayList<>()).addAll(v);
          }
        });
    return answers;
  }

  /**
   * A category's own fields as Open311 attributes (GeoReport v2's service definition): filed back
   * as {@code attribute[code]}; a checkbox is a list of one value, "true".
   */
  static List<Map<String, Object>> attributes(IncidentSetup.Category c) {
    List<Map<String, Object>> out = new ArrayList<>();
    int order = 1;
    for (fr.cite.platform.requests.domain.FormSchema.Field f : c.form().fields()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("variable", true);
      a.put("code", f.name());
      a.put(
          "datatype",
          switch (f.type()) {
            case NUMBER -> "number";
            case DATE -> "datetime";
            case LONG_TEXT -> "text";
            case CHOICE, CHECKBOX -> "singlevaluelist";
            case MULTI_CHOICE -> "multivaluelist";
            default -> "string";
          });
      a.put("required", f.required());
      a.put("datatype_description", f.help() == null ? "" : f.help().fr());
      a.put("order", order++);
      a.put("description", f.label().fr());
      List<Map<String, Object>> values = new ArrayList<>();
      if (f.type() == fr.cite.platform.requests.domain.FieldType.CHECKBOX) {
        Map<String, Object> yes = new LinkedHashMap<>();
        yes.put("key", "true");
        yes.put("name", "Oui");
        values.add(yes);
      }
      for (fr.cite.platform.requests.domain.FormSchema.Option o : f.options()) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", o.value());
        v.put("name", o.label().fr());
        values.add(v);
      }
      if (!values.isEmpty()) {
        a.put("values", new Open311Format.ItemList("value", values));
      }
      out.add(a);
    }
    return out;
  }
}
