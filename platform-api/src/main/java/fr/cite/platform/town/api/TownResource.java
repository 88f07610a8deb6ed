package fr.cite.platform.town.api;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.town.application.TownProfile;
import fr.cite.platform.town.application.TownProfiles;
import fr.cite.platform.town.domain.TownAsset;
import fr.cite.platform.town.domain.TownOffice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Public information of the town whose host received the request. */
@Path("/v1/town")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TownResource {

  @Inject RequestHost host;

  @Inject TownProfiles profiles;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  /** The town's public profile: identity, branding, offices. 404 on the platform host. */
  @GET
  public TownProfileView profile() {
    requireTown();
    TownProfile p = profiles.current();
    Tenant t = p.tenant();
    String url = config.publicUrl(directory.platformHostOf(t.slug()));
    return new TownProfileView(
        t.slug(),
        t.officialName(),
        t.inseeCode(),
        t.departementCode(),
        t.postcodes(),
        t.population().orElse(null),
        url,
        t.defaultLocale(),
        new TownProfileView.Branding(
            t.branding().primary().value(),
            t.branding().secondary().value(),
            p.logo().map(l -> url + l.path()).orElse(null)),
        p.offices().stream().map(TownResource::office).toList());
  }

  /**
   * The town's logo. Its URL carries a version ({@code ?v=}), so a versioned request may be cached
   * for a year; an unversioned one is revalidated with its ETag.
   */
  @GET
  @Path("logo")
  @Produces({"image/png", "image/jpeg"})
  public Response logo(
      @QueryParam("v") String version, @jakarta.ws.rs.core.Context Request request) {
    requireTown();
    TownAsset logo = profiles.logo().orElseThrow(() -> ProblemException.notFound("logo-not-found"));
    EntityTag etag = new EntityTag(logo.sha256());
    CacheControl cache = new CacheControl();
    if (version != null && logo.sha256().startsWith(version)) {
      cache.setMaxAge(31_536_000);
    } else {
      cache.setMaxAge(0);
      cache.setMustRevalidate(true);
    }
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.cacheControl(cache).build();
    }
    return Response.ok(logo.content(), logo.contentType()).tag(etag).cacheControl(cache).build();
  }

  private void requireTown() {
    if (host.town().isEmpty()) {
      throw ProblemException.notFound("town-only");
    }
  }

  private static TownProfileView.Office office(TownOffice o) {
    return new TownProfileView.Office(
        o.name(),
        o.street().orElse(null),
        o.postcode().orElse(null),
        o.city().orElse(null),
        o.phone().orElse(null),
        o.email().orElse(null),
        o.openingHours().orElse(null));
  }
}
