package fr.cite.platform.catalogue.api;

import fr.cite.platform.catalogue.application.CatalogueSnapshot;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.AudienceView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ProcedureSummary;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ThemeView;
import fr.cite.platform.catalogue.application.ProcedureDetail;
import fr.cite.platform.catalogue.domain.ChannelSpec;
import fr.cite.platform.i18n.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the catalogue API returns, in the reader's language (French unless Accept-Language or {@code
 * lang} asks for English; untranslated texts stay in French).
 */
public final class CatalogueViews {

  private CatalogueViews() {}

  /** A theme with its sub-themes and how many published procedures it holds. */
  public record Theme(
      String slug,
      String name,
      String description,
      String parent,
      long procedureCount,
      List<Theme> children) {}

  /** An audience ("profil"). */
  public record Profile(String slug, String name, String description, long procedureCount) {}

  /** A procedure in a list: its page is {@code /demarches/{slug}}. */
  public record ProcedureItem(
      String slug, String title, String summary, boolean online, String url) {}

  /** One way to do a procedure. */
  public record Channel(
      String kind,
      String label,
      String url,
      String address,
      String hours,
      boolean appointment,
      String phone,
      String details) {}

  /** A useful link. */
  public record Link(String label, String url) {}

  /** A procedure with its three boxes. */
  public record Procedure(
      String slug,
      String title,
      String summary,
      String body,
      boolean online,
      List<Channel> channels,
      MoreInformation moreInformation,
      List<ProcedureItem> related,
      List<String> themes,
      List<String> profiles,
      Instant updatedAt) {}

  /** The "more information" box. */
  public record MoreInformation(
      List<String> documents, String cost, String delay, String contact, List<Link> links) {}

  /** A dated highlight. */
  public record Highlight(
      long id,
      String title,
      String text,
      String link,
      LocalDate startsOn,
      LocalDate endsOn,
      int priority) {}

  /** A news item. */
  public record News(long id, String title, String summary, String link, LocalDate publishedOn) {}

  static String t(LocalizedText text, String lang) {
    return text == null ? null : text.in(lang);
  }

  static Theme theme(CatalogueSnapshot s, ThemeView t, String lang) {
    return new Theme(
        t.slug(),
        t.name().in(lang),
        t(t.description(), lang),
        s.parentOf(t).map(ThemeView::slug).orElse(null),
        s.countUnder(t),
        s.subThemes(t).stream().map(c -> theme(s, c, lang)).toList());
  }

  static Profile profile(CatalogueSnapshot s, AudienceView a, String lang) {
    return new Profile(
        a.slug(), a.name().in(lang), t(a.description(), lang), s.proceduresFor(a).size());
  }

  static ProcedureItem item(ProcedureSummary p, String lang) {
    return new ProcedureItem(
        p.slug(), p.title().in(lang), p.summary().in(lang), p.online(), "/demarches/" + p.slug());
  }

  static Procedure procedure(ProcedureDetail d, String lang) {
    var c = d.content();
    return new Procedure(
        d.summary().slug(),
        c.title().in(lang),
        c.summary().in(lang),
        t(c.body(), lang),
        d.online(),
        d.channels().stream().map(ch -> channel(ch.spec(), lang)).toList(),
        new MoreInformation(
            d.documents(lang),
            t(c.cost(), lang),
            t(c.delay(), lang),
            t(c.contact(), lang),
            d.links().stream().map(l -> new Link(l.label().in(lang), l.url())).toList()),
        d.related().stream().map(p -> item(p, lang)).toList(),
        d.themes().stream().map(ThemeView::slug).toList(),
        d.audiences().stream().map(AudienceView::slug).toList(),
        d.updatedAt());
  }

  static Channel channel(ChannelSpec s, String lang) {
    return new Channel(
        s.kind().name(),
        t(s.label(), lang),
        s.url(),
        s.address(),
        t(s.hours(), lang),
        s.appointment(),
        s.phone(),
        t(s.details(), lang));
  }

  static Highlight highlight(CatalogueSnapshot.HighlightView h, String lang) {
    return new Highlight(
        h.id(),
        h.title().in(lang),
        h.text().in(lang),
        h.link(),
        h.startsOn(),
        h.endsOn(),
        h.priority());
  }

  static News news(CatalogueSnapshot.NewsView n, String lang) {
    return new News(n.id(), n.title().in(lang), n.summary().in(lang), n.link(), n.publishedOn());
  }
}
