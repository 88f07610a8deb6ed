package fr.cite.platform.requests.api;

import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestSettings;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.staff.api.TownAdminOnly;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A town administrator's settings of requests ({@link TownAdminOnly}): request types with their
 * form schema, status names, e-mail wording.
 */
@Path("/v1/admin/requests")
@RequestScoped
@TownAdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class RequestAdminResource {

  @Inject RequestSettings settings;

  @Inject AuditLog audit;

  /**
   * {@code {"nameFr", "nameEn", "descriptionFr", "descriptionEn", "service", "procedure",
   * "anonymous", "active", "form": {"fields": [...]}}}: 201 created, 200 changed, 422 for a bad
   * schema or an unknown service.
   */
  @PUT
  @Path("types/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response saveType(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid RequestBodies.RequestTypeBody body) {
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 80) {
      throw ProblemException.badRequest("bad-parameter", "slug", "a-z0-9-");
    }
    String nameFr = body.nameFr();
    if (nameFr == null || nameFr.isBlank() || nameFr.length() > 160) {
      throw ProblemException.unprocessable("request-bad-label");
    }
    String descriptionFr = body.descriptionFr();
    boolean created =
        settings.saveType(
            slug,
            LocalizedText.of(nameFr.strip(), body.nameEn()),
            descriptionFr == null ? null : LocalizedText.of(descriptionFr, body.descriptionEn()),
            body.form() == null ? "{}" : body.form().toString(),
            body.service(),
            body.procedure(),
            Boolean.TRUE.equals(body.anonymous()),
            !Boolean.FALSE.equals(body.active()));
    audit.recordTownStaff(created ? "request-type.created" : "request-type.changed", slug, nameFr);
    return Response.status(created ? 201 : 200).entity(java.util.Map.of("slug", slug)).build();
  }

  /** {@code {"labelFr", "labelEn"}}: what citizens read for a status. */
  @PUT
  @Path("status-labels/{status}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response renameStatus(
      @PathParam("status") String status,
      @NotNull(message = "{validation.required}") @Valid RequestBodies.StatusLabel body) {
    RequestStatus s = RequestsResource.parseStatus(status);
    if (s == null) {
      throw ProblemException.badRequest("bad-parameter", "status", "SUBMITTED…");
    }
    settings.renameStatus(s, body.labelFr(), body.labelEn());
    audit.recordTownStaff("request-status.renamed", s.name(), body.labelFr());
    return Response.noContent().build();
  }

  /** {@code {"type" (optional), "status", "language", "subject", "body"}}. */
  @PUT
  @Path("mail-templates")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reword(
      @NotNull(message = "{validation.required}") @Valid RequestBodies.MailTemplate body) {
    RequestStatus s = RequestsResource.parseStatus(body.status());
    if (s == null) {
      throw ProblemException.badRequest("bad-parameter", "status", "SUBMITTED…");
    }
    settings.reword(body.type(), s, body.language(), body.subject(), body.body());
    audit.recordTownStaff("request-mail.reworded", s.name(), body.subject());
    return Response.noContent().build();
  }
}
