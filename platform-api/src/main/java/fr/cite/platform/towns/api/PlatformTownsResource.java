package fr.cite.platform.towns.api;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.api.InviteStaffRequest;
import fr.cite.platform.staff.api.StaffInvitationView;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.tenancy.api.PageView;
import fr.cite.platform.tenancy.api.Paging;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.application.TownRegistry;
import fr.cite.platform.tenancy.domain.Branding;
import fr.cite.platform.tenancy.domain.HexColor;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.town.application.LogoInfo;
import fr.cite.platform.towns.application.TownOperations;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Provider API: onboard towns from the official list of communes, list them, suspend and reactivate
 * them. Platform host only, operator credentials required ({@link OperatorAuthentication}).
 */
@Path("/v1/platform/towns")
@RequestScoped
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTownsResource {

  @Inject TownOperations operations;

  @Inject TownRegistry registry;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  /**
   * Onboards the commune with this INSEE code: name, SIREN, postcodes, population and département
   * come from the official list; the slug and host are derived from the name. 201 with the town;
   * 422 for an unknown, former or malformed code; 409 when already onboarded.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response onboard(
      @NotNull(message = "{validation.required}") @Valid OnboardTownRequest request,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    Tenant t = operations.onboard(request.inseeCode(), request.status());
    return Response.created(uri.getAbsolutePathBuilder().path(t.slug()).build())
        .entity(view(t, List.of()))
        .build();
  }

  /** Towns ordered by name, {@code size} (1..100, default 20) per page, optionally by status. */
  @GET
  public PageView<TownView> list(
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("status") String status) {
    Paging paging = Paging.parse(page, size, 20);
    TownRegistry.TownPage result = registry.list(parseStatus(status), paging.page(), paging.size());
    Map<Long, List<String>> domains =
        registry.verifiedDomains(result.items().stream().map(Tenant::id).toList());
    return PageView.of(
        result.items().stream().map(t -> view(t, domains.getOrDefault(t.id(), List.of()))).toList(),
        paging.page(),
        paging.size(),
        result.total());
  }

  /** One town by its slug. */
  @GET
  @Path("{slug}")
  public TownView get(@PathParam("slug") String slug) {
    Tenant t = registry.findBySlug(slug);
    return view(t, registry.verifiedDomains(List.of(t.id())).getOrDefault(t.id(), List.of()));
  }

  /** Suspends ({@code SUSPENDED} with a reason) or reactivates ({@code TRIAL}, {@code LIVE}). */
  @PUT
  @Path("{slug}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public TownView changeStatus(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid StatusChangeRequest request) {
    return view(operations.changeStatus(slug, request.status(), request.reason()), List.of());
  }

  /** Sets the town's primary and secondary colours ({@code #rrggbb}). */
  @PUT
  @Path("{slug}/branding")
  @Consumes(MediaType.APPLICATION_JSON)
  public TownView rebrand(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid BrandingRequest request) {
    return view(
        operations.rebrand(
            slug,
            new Branding(
                HexColor.of(request.primaryColor()), HexColor.of(request.secondaryColor()))),
        List.of());
  }

  /**
   * Runs again the onboarding steps of a town whose provisioning or identity did not complete (for
   * instance Keycloak was unreachable). Idempotent.
   */
  @POST
  @Path("{slug}/provisioning")
  public TownView completeProvisioning(@PathParam("slug") String slug) {
    return view(operations.completeProvisioning(slug), List.of());
  }

  /**
   * Invites someone to a town's staff (typically its first town administrator): returns the
   * single-use invitation link, valid 14 days, that signs them in and links their account.
   */
  @POST
  @Path("{slug}/staff")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response inviteStaff(
      @PathParam("slug") String slug,
      @NotNull(message = "{validation.required}") @Valid InviteStaffRequest request) {
    StaffDirectory.Invitation invitation = operations.invite(slug, request.email(), request.role());
    return Response.status(Response.Status.CREATED)
        .entity(
            new StaffInvitationView(invitation.email(), invitation.role().name(), invitation.url()))
        .build();
  }

  /**
   * Replaces the town's logo: PNG or JPEG, 512 KB and 2000×2000 pixels at most (422 beyond, with
   * the reason; 413 above 1 MB).
   */
  @PUT
  @Path("{slug}/logo")
  @Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
  @fr.cite.platform.problem.BodyLimit(fr.cite.platform.problem.BodyLimit.MB)
  public LogoInfo replaceLogo(@PathParam("slug") String slug, byte[] image) {
    return operations.replaceLogo(slug, image);
  }

  private TownView view(Tenant t, List<String> customDomains) {
    String host = directory.platformHostOf(t.slug());
    return TownView.of(t, host, customDomains, config.publicUrl(host));
  }

  private static TenantStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return TenantStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("bad-parameter", "status", "TRIAL, LIVE, SUSPENDED");
    }
  }
}
