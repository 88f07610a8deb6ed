package fr.cite.platform.catalogue.application;

import fr.cite.platform.catalogue.application.CatalogueSnapshot.AudienceView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ProcedureSummary;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ThemeView;
import fr.cite.platform.catalogue.domain.ChannelKind;
import fr.cite.platform.catalogue.domain.ChannelSpec;
import fr.cite.platform.catalogue.domain.ProcedureContent;
import fr.cite.platform.catalogue.domain.UsefulLink;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A procedure's page: its content and the three boxes (channels, more information, related). */
public record ProcedureDetail(
    ProcedureSummary summary,
    ProcedureContent content,
    List<ChannelView> channels,
    List<UsefulLink.LinkSpec> links,
    List<ProcedureSummary> related,
    List<ThemeView> themes,
    List<AudienceView> audiences,
    Instant updatedAt) {

  /** A channel with the id its "start online" link uses. */
  public record ChannelView(long id, ChannelSpec spec) {

    public ChannelKind kind() {
      return spec.kind();
    }
  }

  public boolean online() {
    return channels.stream().anyMatch(c -> c.kind() == ChannelKind.ONLINE);
  }

  /** The documents to bring, one per line, in a language. */
  public List<String> documents(String language) {
    return content.documents() == null
        ? List.of()
        : Arrays.stream(content.documents().in(language).split("\\R"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  /** Whether the "more information" box has anything to show. */
  public boolean hasMoreInformation() {
    return content.documents() != null
        || content.cost() != null
        || content.delay() != null
        || content.contact() != null
        || !links.isEmpty();
  }
}
