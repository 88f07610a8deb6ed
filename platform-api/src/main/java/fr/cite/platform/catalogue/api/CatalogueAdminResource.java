package fr.cite.platform.catalogue.api;

import fr.cite.platform.catalogue.application.CatalogueEditing;
import fr.cite.platform.catalogue.application.ProcedureChanges;
import fr.cite.platform.catalogue.domain.ChannelSpec;
import fr.cite.platform.catalogue.domain.Procedure;
import fr.cite.platform.catalogue.domain.ProcedureContent;
import fr.cite.platform.catalogue.domain.UsefulLink;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.staff.api.TownAdminOnly;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The town administrators' edits of the catalogue ({@link TownAdminOnly}): procedures, highlights,
 * news. Each change is visible on the portal at once (the town's cached catalogue is dropped when
 * it commits).
 */
@Path("/v1/admin/catalogue")
@RequestScoped
@TownAdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue administration", description = "Town administrators edit their catalogue")
public class CatalogueAdminResource {

  @Inject CatalogueEditing editing;

  @Inject fr.cite.platform.audit.application.AuditLog audit;

  /** Creates or replaces a procedure. */
  @PUT
  @Path("procedures/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @fr.cite.platform.problem.BodyLimit(256 * fr.cite.platform.problem.BodyLimit.KB)
  @Operation(summary = "Create or replace a procedure (body: 256 KB at most)")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "200", description = "Replaced")
  @APIResponse(responseCode = "422", description = "Unknown theme, profile or related procedure")
  public Response save(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid ProcedureRequest body) {
    CatalogueResource.requireSlug(slug);
    boolean created = editing.saveProcedure(slug, changes(body));
    audit.recordTownStaff(
        created ? "procedure.created" : "procedure.changed",
        slug,
        body.titleFr() + " (" + body.status() + ")");
    Map<String, String> entity = Map.of("slug", slug, "url", "/demarches/" + slug);
    return created
        ? Response.created(URI.create("/api/v1/catalogue/procedures/" + slug))
            .entity(entity)
            .build()
        : Response.ok(entity).build();
  }

  @DELETE
  @Path("procedures/{slug}")
  @Operation(summary = "Delete a procedure")
  @APIResponse(responseCode = "404", description = "No such procedure")
  public Response delete(@PathParam("slug") String slug) {
    CatalogueResource.requireSlug(slug);
    editing.deleteProcedure(slug);
    audit.recordTownStaff("procedure.deleted", slug, null);
    return Response.noContent().build();
  }

  /** Creates or changes a theme (a sub-theme when {@code parent} names a top-level theme). */
  @PUT
  @Path("themes/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or change a theme")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(responseCode = "422", description = "Unknown parent, or more than two levels")
  public Response saveTheme(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid ThemeRequest body) {
    CatalogueResource.requireSlug(slug);
    boolean created =
        editing.saveTheme(
            slug,
            body.parent(),
            LocalizedText.of(body.nameFr(), body.nameEn()),
            text(body.descriptionFr(), body.descriptionEn()),
            body.position());
    audit.recordTownStaff(created ? "theme.created" : "theme.changed", slug, body.nameFr());
    return saved(created, "themes", slug);
  }

  @DELETE
  @Path("themes/{slug}")
  @Operation(summary = "Delete a theme without sub-themes")
  @APIResponse(responseCode = "404", description = "No such theme")
  @APIResponse(responseCode = "409", description = "The theme has sub-themes")
  public Response deleteTheme(@PathParam("slug") String slug) {
    CatalogueResource.requireSlug(slug);
    editing.deleteTheme(slug);
    audit.recordTownStaff("theme.deleted", slug, null);
    return Response.noContent().build();
  }

  /** Creates or changes a profile (audience); {@code parent} is ignored. */
  @PUT
  @Path("profiles/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or change a profile")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "200", description = "Changed")
  public Response saveProfile(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid ThemeRequest body) {
    CatalogueResource.requireSlug(slug);
    boolean created =
        editing.saveAudience(
            slug,
            LocalizedText.of(body.nameFr(), body.nameEn()),
            text(body.descriptionFr(), body.descriptionEn()),
            body.position());
    audit.recordTownStaff(created ? "profile.created" : "profile.changed", slug, body.nameFr());
    return saved(created, "profiles", slug);
  }

  @DELETE
  @Path("profiles/{slug}")
  @Operation(summary = "Delete a profile")
  @APIResponse(responseCode = "404", description = "No such profile")
  public Response deleteProfile(@PathParam("slug") String slug) {
    CatalogueResource.requireSlug(slug);
    editing.deleteAudience(slug);
    audit.recordTownStaff("profile.deleted", slug, null);
    return Response.noContent().build();
  }

  private static Response saved(boolean created, String kind, String slug) {
    Map<String, String> entity = Map.of("slug", slug);
    return created
        ? Response.created(URI.create("/api/v1/catalogue/" + kind + "/" + slug))
            .entity(entity)
            .build()
        : Response.ok(entity).build();
  }

  @POST
  @Path("highlights")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a dated highlight to the home")
  @APIResponse(responseCode = "201", description = "Created")
  public Response addHighlight(
      @NotNull(message = "{validation.required}") @Valid HighlightRequest body) {
    long id =
        editing.addHighlight(
            LocalizedText.of(body.titleFr(), body.titleEn()),
            LocalizedText.of(body.textFr(), body.textEn()),
            body.link(),
            body.startsOn(),
            body.endsOn(),
            body.priority());
    audit.recordTownStaff(
        "highlight.added", body.titleFr(), body.startsOn() + " → " + body.endsOn());
    return Response.status(Response.Status.CREATED).entity(Map.of("id", id)).build();
  }

  @DELETE
  @Path("highlights/{id}")
  @Operation(summary = "Remove a highlight")
  @APIResponse(responseCode = "404", description = "No such highlight")
  public Response deleteHighlight(@PathParam("id") long id) {
    editing.deleteHighlight(id);
    audit.recordTownStaff("highlight.deleted", Long.toString(id), null);
    return Response.noContent().build();
  }

  @POST
  @Path("news")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publish a news item")
  @APIResponse(responseCode = "201", description = "Created")
  public Response addNews(@NotNull(message = "{validation.required}") @Valid NewsRequest body) {
    long id =
        editing.addNews(
            LocalizedText.of(body.titleFr(), body.titleEn()),
            LocalizedText.of(body.summaryFr(), body.summaryEn()),
            body.link(),
            body.publishedOn());
    audit.recordTownStaff("news.added", body.titleFr(), body.publishedOn().toString());
    return Response.status(Response.Status.CREATED).entity(Map.of("id", id)).build();
  }

  public static ProcedureChanges changes(ProcedureRequest r) {
    ProcedureContent content =
        new ProcedureContent(
            LocalizedText.of(r.titleFr(), r.titleEn()),
            LocalizedText.of(r.summaryFr(), r.summaryEn()),
            text(r.bodyFr(), r.bodyEn()),
            r.keywords(),
            text(r.documentsFr(), r.documentsEn()),
            text(r.costFr(), r.costEn()),
            text(r.delayFr(), r.delayEn()),
            text(r.contactFr(), r.contactEn()));
    List<ChannelSpec> channels =
        r.channels() == null
            ? List.of()
            : r.channels().stream()
                .map(
                    c ->
                        new ChannelSpec(
                            c.kind(),
                            text(c.labelFr(), c.labelEn()),
                            blankToNull(c.url()),
                            blankToNull(c.address()),
                            text(c.hoursFr(), c.hoursEn()),
                            c.appointment(),
                            blankToNull(c.phone()),
                            text(c.detailsFr(), c.detailsEn())))
                .toList();
    List<UsefulLink.LinkSpec> links =
        r.links() == null
            ? List.of()
            : r.links().stream()
                .map(
                    l ->
                        new UsefulLink.LinkSpec(
                            LocalizedText.of(l.labelFr(), l.labelEn()), l.url()))
                .toList();
    return new ProcedureChanges(
        content,
        channels,
        links,
        r.themes() == null ? List.of() : r.themes(),
        r.profiles() == null ? List.of() : r.profiles(),
        r.related() == null ? List.of() : r.related(),
        r.status() == Procedure.Status.PUBLISHED,
        r.editorialRank());
  }

  private static LocalizedText text(String fr, String en) {
    return fr == null || fr.isBlank() ? null : LocalizedText.of(fr, en);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
