package fr.cite.platform.towns.api;

import fr.cite.platform.audit.domain.AuditEntry;
import fr.cite.platform.staff.api.TownAdminOnly;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.domain.TenantDomain;
import fr.cite.platform.towns.application.DomainCheck;
import fr.cite.platform.towns.application.TownDomains;
import fr.cite.platform.towns.application.TownOperations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A town administrator's settings of the portal ({@link TownAdminOnly}): custom domains (added
 * pending, verified by a published token, removed) and the default language.
 */
@Path("/v1/admin/town")
@RequestScoped
@TownAdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class TownSettingsResource {

  @Inject TownDomains domains;

  @Inject TownOperations operations;

  @Inject TenantContext context;

  /** A domain and what the town must publish to verify it. */
  public record DomainView(
      long id,
      String host,
      boolean verified,
      Instant verifiedAt,
      String verificationUrl,
      String verificationToken,
      Instant checkedAt,
      String checkError) {

    static DomainView of(TenantDomain d) {
      return new DomainView(
          d.id(),
          d.host(),
          d.verifiedAt().isPresent(),
          d.verifiedAt().orElse(null),
          "http://" + d.host() + DomainCheck.PATH,
          d.verificationToken(),
          d.checkedAt().orElse(null),
          d.checkError().orElse(null));
    }
  }

  /** Body of a new domain. */
  public record DomainRequest(@NotNull(message = "{validation.required}") String host) {}

  /** Body of the default language. */
  public record LanguageRequest(@NotNull(message = "{validation.required}") String language) {}

  @GET
  @Path("domains")
  public List<DomainView> domains() {
    return domains.list().stream().map(DomainView::of).toList();
  }

  /** 201 with the pending domain and its token; 422 invalid, 409 taken. */
  @POST
  @Path("domains")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @NotNull(message = "{validation.required}") @jakarta.validation.Valid DomainRequest body) {
    TenantDomain d = domains.add(body.host());
    return Response.created(URI.create("/api/v1/admin/town/domains/" + d.id()))
        .entity(DomainView.of(d))
        .build();
  }

  /** Checks the published token: 200 verified, 422 with what was found. */
  @POST
  @Path("domains/{id}/verification")
  public DomainView verify(@PathParam("id") long id) {
    return DomainView.of(domains.verify(id));
  }

  @DELETE
  @Path("domains/{id}")
  public Response remove(@PathParam("id") long id) {
    domains.remove(id);
    return Response.noContent().build();
  }

  /** The portal's language for readers who have not chosen one: {@code fr} or {@code en}. */
  @PUT
  @Path("language")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response language(
      @NotNull(message = "{validation.required}") @jakarta.validation.Valid LanguageRequest body) {
    operations.changeDefaultLanguage(
        context.require().slug(), body.language().strip(), AuditEntry.ActorKind.TOWN_STAFF);
    return Response.noContent().build();
  }
}
