package fr.cite.platform.incidents.api;

import fr.cite.platform.communes.CommuneDirectory;
import fr.cite.platform.incidents.application.CommuneOutlines;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.towns.api.OperatorOnly;
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
 * The provider loads communes' outlines (a GeoJSON polygon each, simplified from the official
 * boundaries): a town's reports lie inside its own, and a point outside is refused with the name of
 * the commune it falls in. Platform host, operator credentials.
 */
@Path("/v1/platform/communes")
@RequestScoped
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class CommuneOutlineResource {

  @Inject CommuneOutlines outlines;

  @Inject CommuneDirectory communes;

  @PUT
  @Path("{insee}/outline")
  @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
  public Response put(
      @PathParam("insee") String insee,
      @NotNull(message = "{validation.required}") @Valid IncidentBodies.Polygon body) {
    var commune =
        communes
            .communes()
            .find(insee)
            .orElseThrow(() -> ProblemException.notFound("commune-not-found", insee));
    outlines.put(commune.inseeCode(), commune.name(), IncidentAdminResource.toOutline(body));
    return Response.noContent().build();
  }
}
