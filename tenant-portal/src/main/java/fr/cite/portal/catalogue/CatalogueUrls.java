package fr.cite.portal.catalogue;

import fr.cite.platform.catalogue.application.Catalogue;
import fr.cite.platform.catalogue.application.ProcedureDetail;
import fr.cite.platform.catalogue.application.UsageCounter;
import fr.cite.platform.catalogue.domain.ChannelKind;
import fr.cite.platform.catalogue.domain.Slug;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable French URLs of the catalogue ({@code /themes/famille}, {@code /profils/seniors}, {@code
 * /demarches/acte-de-naissance}, {@code /recherche?q=...}) forwarded to their Faces pages, and the
 * "do it online" links ({@code /demarches/{slug}/en-ligne/{channel}}), which count an e-service
 * start before redirecting to the service.
 */
public class CatalogueUrls extends HttpFilter {

  private static final Pattern PAGE =
      Pattern.compile("/(themes|profils|demarches)/([^/]{1,130})/?");
  private static final Pattern START =
      Pattern.compile("/demarches/([^/]{1,130})/en-ligne/([0-9]{1,18})");

  @Inject fr.cite.platform.requests.application.RequestCatalog requestTypes;

  @Inject Catalogue catalogue;

  @Inject RequestHost host;

  @Inject UsageCounter usage;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (host.town().isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    if (path.equals("/recherche") || path.equals("/recherche/")) {
      req.getRequestDispatcher("/recherche.xhtml").forward(req, res);
      return;
    }
    if (path.equals("/demarches") || path.equals("/demarches/")) {
      req.getRequestDispatcher("/demarches.xhtml").forward(req, res);
      return;
    }
    Matcher start = START.matcher(path);
    if (start.matches()) {
      startOnline(start.group(1), Long.parseLong(start.group(2)), req, res);
      return;
    }
    Matcher page = PAGE.matcher(path);
    if (page.matches()) {
      String view =
          switch (page.group(1)) {
            case "themes" -> "/theme.xhtml";
            case "profils" -> "/profil.xhtml";
            default -> "/demarche.xhtml";
          };
      String slug = URLEncoder.encode(page.group(2), StandardCharsets.UTF_8);
      req.getRequestDispatcher(view + "?slug=" + slug).forward(req, res);
      return;
    }
    chain.doFilter(req, res);
  }

  private void startOnline(
      String slug, long channelId, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    Optional<ProcedureDetail> detail =
        Slug.isValid(slug) ? catalogue.detail(slug) : Optional.empty();
    Optional<ProcedureDetail.ChannelView> channel =
        detail.flatMap(
            d ->
                d.channels().stream()
                    .filter(c -> c.id() == channelId && c.kind() == ChannelKind.ONLINE)
                    .findFirst());
    if (channel.isEmpty() || channel.get().spec().url() == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    usage.record(
        host.town().orElseThrow().ref(),
        detail.get().summary().id(),
        UsageCounter.Kind.START,
        Visitors.of(req));
    String url = channel.get().spec().url();
    if (url.equals("/compte/") || url.equals("/compte")) {
      // Cité's own e-service: the form of the request type tied to this procedure, if any.
      url =
          requestTypes
              .forProcedure(slug)
              .map(
                  t ->
                      t.anonymous()
                          ? "/signaler/" + t.slug()
                          : "/compte/demandes/nouvelle/" + t.slug())
              .orElse(url);
    }
    res.setStatus(HttpServletResponse.SC_SEE_OTHER);
    res.setHeader("Location", url.startsWith("/") ? req.getContextPath() + url : url);
    res.setHeader("Cache-Control", "no-store");
  }
}
