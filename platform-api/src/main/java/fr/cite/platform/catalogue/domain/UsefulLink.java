package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;

/** A useful link of a procedure's "more information" box (service-public.fr, a form...). */
@Entity
@Table(name = "catalogue_link")
public class UsefulLink extends TownRecord {

  @Column(name = "position", nullable = false)
  private int position;

  @Column(name = "label_fr", length = 200, nullable = false)
  private String labelFr;

  @Column(name = "label_en", length = 200)
  private String labelEn;

  @Column(name = "url", length = 500, nullable = false)
  private String url;

  protected UsefulLink() {}

  UsefulLink(LinkSpec spec, int position) {
    this.labelFr = Objects.requireNonNull(spec.label().fr(), "label");
    this.labelEn = spec.label().en();
    this.url = Objects.requireNonNull(spec.url(), "url");
    this.position = position;
  }

  public LinkSpec spec() {
    return new LinkSpec(LocalizedText.of(labelFr, labelEn), url);
  }

  /** A link as the town writes it. */
  public record LinkSpec(LocalizedText label, String url) {}
}
