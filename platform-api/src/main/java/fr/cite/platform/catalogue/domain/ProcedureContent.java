package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import java.util.Objects;

/**
 * What a procedure says: title, summary, body (sanitised HTML), keywords and the "more information"
 * box (documents to bring, one per line; cost; time to process; contacts).
 */
public record ProcedureContent(
    LocalizedText title,
    LocalizedText summary,
    LocalizedText body,
    String keywords,
    LocalizedText documents,
    LocalizedText cost,
    LocalizedText delay,
    LocalizedText contact) {

  public ProcedureContent {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(title.fr(), "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(summary.fr(), "summary");
  }
}
