package fr.cite.portal.catalogue;

import fr.cite.platform.catalogue.application.Catalogue;
import fr.cite.platform.catalogue.application.CatalogueQueries;
import fr.cite.platform.catalogue.application.CatalogueSnapshot;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.AudienceView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.HighlightView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.NewsView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ProcedureSummary;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ThemeView;
import fr.cite.platform.catalogue.application.ProcedureDetail;
import fr.cite.platform.catalogue.application.UsageCounter;
import fr.cite.platform.catalogue.domain.Slug;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue pages of the citizen portal: e-services home, theme, profile, procedure and search.
 * Everything comes from the town's cached catalogue; a page for an unknown theme, profile or
 * procedure answers 404.
 */
@Named("catalogue")
@RequestScoped
public class ProcedureCatalogue {

  /** Search results per page. */
  public static final int PAGE_SIZE = 20;

  @Inject Catalogue catalogue;

  @Inject RequestHost host;

  @Inject UsageCounter usage;

  @Inject fr.cite.platform.catalogue.application.PreviewTokens previews;

  private String previewToken;
  private boolean previewing;

  private String slug;
  private String query;
  private int page;
  private CatalogueSnapshot snapshot;
  private ThemeView theme;
  private AudienceView audience;
  private ProcedureDetail procedure;
  private Catalogue.SearchResults results;
  private List<ProcedureSummary> mostRequested;

  public CatalogueSnapshot getSnapshot() {
    if (snapshot == null) {
      snapshot = catalogue.snapshot();
    }
    return snapshot;
  }

  // ---- view parameters and actions

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getQ() {
    return query;
  }

  public void setQ(String q) {
    this.query = q;
  }

  public int getPage() {
    return page;
  }

  public String getPageParam() {
    return Integer.toString(page);
  }

  /** The page asked for in the URL; anything but a small number means the first page. */
  public void setPageParam(String value) {
    try {
      this.page = value == null ? 0 : Math.max(0, Math.min(1000, Integer.parseInt(value.strip())));
    } catch (NumberFormatException e) {
      this.page = 0;
    }
  }

  public void loadTheme() {
    theme = validSlug().flatMap(s -> getSnapshot().theme(s)).orElse(null);
    if (theme == null) {
      notFound();
    }
  }

  public void loadProfile() {
    audience = validSlug().flatMap(s -> getSnapshot().audience(s)).orElse(null);
    if (audience == null) {
      notFound();
    }
  }

  public void loadProcedure() {
    if (previewToken != null) {
      loadPreview();
      return;
    }
    procedure = validSlug().flatMap(catalogue::detail).orElse(null);
    if (procedure == null) {
      notFound();
      return;
    }
    host.town()
        .ifPresent(
            t ->
                usage.record(
                    t.ref(),
                    procedure.summary().id(),
                    UsageCounter.Kind.VIEW,
                    Visitors.of(
                        (jakarta.servlet.http.HttpServletRequest)
                            jakarta.faces.context.FacesContext.getCurrentInstance()
                                .getExternalContext()
                                .getRequest())));
  }

  /**
   * An editor's preview (signed link from the console): the page as saved, drafts included, never
   * cached, not indexed, not counted as a view. A bad or expired link is a 404.
   */
  private void loadPreview() {
    long town = host.town().orElseThrow().id();
    boolean valid = validSlug().map(s -> previews.valid(previewToken, town, s)).orElse(false);
    procedure = valid ? catalogue.preview(slug).orElse(null) : null;
    if (procedure == null) {
      notFound();
      return;
    }
    previewing = true;
    var response =
        (jakarta.servlet.http.HttpServletResponse)
            FacesContext.getCurrentInstance().getExternalContext().getResponse();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
  }

  public String getPreviewToken() {
    return previewToken;
  }

  public void setPreviewToken(String previewToken) {
    this.previewToken = previewToken == null || previewToken.isBlank() ? null : previewToken;
  }

  public boolean isPreviewing() {
    return previewing;
  }

  public void search() {
    String q = query == null ? "" : query.strip();
    if (q.length() > fr.cite.platform.catalogue.api.CatalogueResource.MAX_QUERY_LENGTH) {
      q = q.substring(0, fr.cite.platform.catalogue.api.CatalogueResource.MAX_QUERY_LENGTH);
    }
    query = q;
    if (!q.isEmpty()) {
      results = catalogue.search(q, page, PAGE_SIZE);
    }
  }

  private Optional<String> validSlug() {
    return Slug.isValid(slug) ? Optional.of(slug) : Optional.empty();
  }

  private static void notFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    try {
      external.responseSendError(404, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  // ---- what pages show

  public ThemeView getTheme() {
    return theme;
  }

  public Optional<ThemeView> getParentTheme() {
    return theme == null ? Optional.empty() : getSnapshot().parentOf(theme);
  }

  public AudienceView getAudience() {
    return audience;
  }

  public ProcedureDetail getProcedure() {
    return procedure;
  }

  public Catalogue.SearchResults getResults() {
    return results;
  }

  public List<ProcedureSummary> getMostRequested() {
    if (mostRequested == null) {
      mostRequested = catalogue.mostRequested();
    }
    return mostRequested;
  }

  public List<HighlightView> getHighlights() {
    return getSnapshot().highlightsOn(LocalDate.now(CatalogueQueries.TOWN_ZONE));
  }

  public List<NewsView> getNews() {
    List<NewsView> all = getSnapshot().news();
    return all.subList(0, Math.min(3, all.size()));
  }

  public List<ThemeView> subThemes(ThemeView t) {
    return getSnapshot().subThemes(t);
  }

  public List<ProcedureSummary> proceduresIn(ThemeView t) {
    return getSnapshot().proceduresIn(t);
  }

  public long countUnder(ThemeView t) {
    return getSnapshot().countUnder(t);
  }

  public List<ProcedureSummary> proceduresFor(AudienceView a) {
    return getSnapshot().proceduresFor(a);
  }

  /** A text in the reader's language. */
  public String text(LocalizedText t) {
    return t == null ? "" : t.in(host.locale());
  }

  /** The language a text is shown in, for {@code lang} when it differs from the page's. */
  public String langOf(LocalizedText t) {
    return t == null
        ? host.locale().getLanguage()
        : t.languageShownFor(host.locale().getLanguage());
  }

  public String date(LocalDate d) {
    return d == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(host.locale()).format(d);
  }

  /** The documents to bring, one per line, in the reader's language. */
  public List<String> documents() {
    return procedure == null ? List.of() : procedure.documents(host.locale().getLanguage());
  }

  /** Where the "do it online" link of a channel goes: through Cité, which counts the start. */
  public String startUrl(ProcedureDetail.ChannelView channel) {
    return "/demarches/" + procedure.summary().slug() + "/en-ligne/" + channel.id();
  }

  /** Whether a link leaves the town's portal (shown with an external-link mention). */
  public boolean external(String url) {
    return url != null && !url.startsWith("/");
  }

  /** The query, encoded for a link to another page of results. */
  public String getEncodedQuery() {
    return query == null
        ? ""
        : java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
  }

  public String telHref(String phone) {
    return "tel:" + phone.replaceAll("[^+0-9]", "");
  }
}
