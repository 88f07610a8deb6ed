package fr.cite.platform.catalogue.api;

import fr.cite.platform.catalogue.application.Catalogue;
import fr.cite.platform.catalogue.application.CatalogueQueries;
import fr.cite.platform.catalogue.application.CatalogueSnapshot;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ProcedureSummary;
import fr.cite.platform.catalogue.domain.Slug;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.api.PageView;
import fr.cite.platform.tenancy.api.Paging;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The town's procedure catalogue, read-only and public: themes, profiles, procedures, search, most
 * requested services, highlights and news. Served from the town's cached catalogue; texts in the
 * reader's language (Accept-Language), French when not translated. Lists are paginated with {@code
 * page} (from 0) and {@code size} (1 to 100).
 */
@Path("/v1/catalogue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Procedure catalogue and e-services home of a town")
public class CatalogueResource {

  /** Longest search accepted, in characters. */
  public static final int MAX_QUERY_LENGTH = 200;

  @Inject RequestHost host;

  @Inject Catalogue catalogue;

  /** Every theme, top-level ones with their sub-themes. */
  @GET
  @Path("themes")
  @Operation(summary = "Themes of the catalogue, as a two-level tree")
  public List<CatalogueViews.Theme> themes() {
    CatalogueSnapshot s = snapshot();
    return s.topThemes().stream().map(t -> CatalogueViews.theme(s, t, lang())).toList();
  }

  /** One theme and its sub-themes. */
  @GET
  @Path("themes/{slug}")
  @Operation(summary = "One theme with its sub-themes")
  @APIResponse(responseCode = "404", description = "No such theme in this town")
  public CatalogueViews.Theme theme(@PathParam("slug") String slug) {
    CatalogueSnapshot s = snapshot();
    return CatalogueViews.theme(s, requireTheme(s, slug), lang());
  }

  /** Published procedures filed under a theme or one of its sub-themes, alphabetically. */
  @GET
  @Path("themes/{slug}/procedures")
  @Operation(summary = "Procedures of a theme and its sub-themes, paginated")
  @APIResponse(responseCode = "404", description = "No such theme in this town")
  @APIResponse(responseCode = "400", description = "Bad page or size")
  public PageView<CatalogueViews.ProcedureItem> themeProcedures(
      @PathParam("slug") String slug,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    CatalogueSnapshot s = snapshot();
    var theme = requireTheme(s, slug);
    java.util.LinkedHashSet<ProcedureSummary> all =
        new java.util.LinkedHashSet<>(s.proceduresIn(theme));
    s.subThemes(theme).forEach(t -> all.addAll(s.proceduresIn(t)));
    List<ProcedureSummary> sorted = s.procedures().stream().filter(all::contains).toList();
    return page(sorted, Paging.parse(page, size, 20));
  }

  /** Every profile (audience). */
  @GET
  @Path("profiles")
  @Operation(summary = "Profiles (audiences) of the catalogue")
  public List<CatalogueViews.Profile> profiles() {
    CatalogueSnapshot s = snapshot();
    return s.audiences().stream().map(a -> CatalogueViews.profile(s, a, lang())).toList();
  }

  @GET
  @Path("profiles/{slug}")
  @Operation(summary = "One profile")
  @APIResponse(responseCode = "404", description = "No such profile in this town")
  public CatalogueViews.Profile profile(@PathParam("slug") String slug) {
    CatalogueSnapshot s = snapshot();
    return CatalogueViews.profile(s, requireProfile(s, slug), lang());
  }

  @GET
  @Path("profiles/{slug}/procedures")
  @Operation(summary = "Procedures for a profile, paginated")
  @APIResponse(responseCode = "404", description = "No such profile in this town")
  @APIResponse(responseCode = "400", description = "Bad page or size")
  public PageView<CatalogueViews.ProcedureItem> profileProcedures(
      @PathParam("slug") String slug,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    CatalogueSnapshot s = snapshot();
    return page(s.proceduresFor(requireProfile(s, slug)), Paging.parse(page, size, 20));
  }

  /** Every published procedure, alphabetically. */
  @GET
  @Path("procedures")
  @Operation(summary = "All published procedures, paginated")
  @APIResponse(responseCode = "400", description = "Bad page or size")
  public PageView<CatalogueViews.ProcedureItem> procedures(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return page(snapshot().procedures(), Paging.parse(page, size, 20));
  }

  /** A procedure with its channels, more information and related procedures. */
  @GET
  @Path("procedures/{slug}")
  @Operation(summary = "One published procedure with its three boxes")
  @APIResponse(responseCode = "404", description = "No such published procedure in this town")
  public CatalogueViews.Procedure procedure(@PathParam("slug") String slug) {
    requireTown();
    requireSlug(slug);
    return catalogue
        .detail(slug)
        .map(d -> CatalogueViews.procedure(d, lang()))
        .orElseThrow(() -> ProblemException.notFound("procedure-not-found", slug));
  }

  /**
   * Full-text search in French (stemmed, accents and case ignored, typos tolerated) and in English
   * titles, best matches first.
   */
  @GET
  @Path("search")
  @Operation(summary = "Search published procedures, best match first, paginated")
  @APIResponse(responseCode = "400", description = "Missing or too long query, bad page or size")
  public PageView<CatalogueViews.ProcedureItem> search(
      @Parameter(description = "Words to look for, at most 200 characters") @QueryParam("q")
          String q,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    requireTown();
    String query = requireQuery(q);
    Paging paging = Paging.parse(page, size, 20);
    Catalogue.SearchResults r = catalogue.search(query, paging.page(), paging.size());
    return PageView.of(
        r.items().stream().map(p -> CatalogueViews.item(p, lang())).toList(),
        paging.page(),
        paging.size(),
        r.total());
  }

  /** The most requested services: ranked by use over the last weeks, editorial order before. */
  @GET
  @Path("most-requested")
  @Operation(summary = "Most requested services of the town")
  public List<CatalogueViews.ProcedureItem> mostRequested() {
    requireTown();
    return catalogue.mostRequested().stream().map(p -> CatalogueViews.item(p, lang())).toList();
  }

  /** Highlights shown today (Paris time), highest priority first. */
  @GET
  @Path("highlights")
  @Operation(summary = "Highlights shown today")
  public List<CatalogueViews.Highlight> highlights() {
    return snapshot().highlightsOn(LocalDate.now(CatalogueQueries.TOWN_ZONE)).stream()
        .map(h -> CatalogueViews.highlight(h, lang()))
        .toList();
  }

  /** Latest news, newest first. */
  @GET
  @Path("news")
  @Operation(summary = "Latest news of the town, paginated")
  @APIResponse(responseCode = "400", description = "Bad page or size")
  public PageView<CatalogueViews.News> news(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    Paging paging = Paging.parse(page, size, 10);
    List<CatalogueSnapshot.NewsView> all = snapshot().news();
    return PageView.of(
        slice(all, paging).stream().map(n -> CatalogueViews.news(n, lang())).toList(),
        paging.page(),
        paging.size(),
        all.size());
  }

  static String requireQuery(String q) {
    if (q == null || q.isBlank()) {
      throw ProblemException.badRequest("search-query-missing");
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      throw ProblemException.badRequest("search-query-too-long", MAX_QUERY_LENGTH);
    }
    return q.strip();
  }

  private PageView<CatalogueViews.ProcedureItem> page(List<ProcedureSummary> all, Paging paging) {
    return PageView.of(
        slice(all, paging).stream().map(p -> CatalogueViews.item(p, lang())).toList(),
        paging.page(),
        paging.size(),
        all.size());
  }

  private static <T> List<T> slice(List<T> all, Paging paging) {
    long from = (long) paging.page() * paging.size();
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + paging.size()));
  }

  private CatalogueSnapshot snapshot() {
    requireTown();
    return catalogue.snapshot();
  }

  private CatalogueSnapshot.ThemeView requireTheme(CatalogueSnapshot s, String slug) {
    requireSlug(slug);
    return s.theme(slug).orElseThrow(() -> ProblemException.notFound("theme-not-found", slug));
  }

  private CatalogueSnapshot.AudienceView requireProfile(CatalogueSnapshot s, String slug) {
    requireSlug(slug);
    return s.audience(slug).orElseThrow(() -> ProblemException.notFound("profile-not-found", slug));
  }

  static void requireSlug(String slug) {
    if (!Slug.isValid(slug)) {
      throw ProblemException.badRequest(
          "bad-slug", slug == null ? "" : slug.substring(0, Math.min(slug.length(), 130)));
    }
  }

  private void requireTown() {
    if (host.town().isEmpty()) {
      throw ProblemException.notFound("town-only");
    }
  }

  private String lang() {
    return host.locale().getLanguage();
  }
}
