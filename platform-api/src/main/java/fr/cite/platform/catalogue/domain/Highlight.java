package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated highlight of the e-services home ("Inscription sur les listes électorales avant le 6
 * février"): shown from its start date to its end date included, the highest priority first.
 */
@Entity
@Table(name = "catalogue_highlight")
public class Highlight extends TownRecord {

  @Column(name = "title_fr", length = 160, nullable = false)
  private String titleFr;

  @Column(name = "title_en", length = 160)
  private String titleEn;

  @Column(name = "text_fr", length = 600, nullable = false)
  private String textFr;

  @Column(name = "text_en", length = 600)
  private String textEn;

  @Column(name = "link_url", length = 500)
  private String linkUrl;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on", nullable = false)
  private LocalDate endsOn;

  @Column(name = "priority", nullable = false)
  private int priority;

  protected Highlight() {}

  public Highlight(
      LocalizedText title,
      LocalizedText text,
      String linkUrl,
      LocalDate startsOn,
      LocalDate endsOn,
      int priority) {
    reschedule(title, text, linkUrl, startsOn, endsOn, priority);
  }

  /** Changes the highlight; the end date may not precede the start date. */
  public void reschedule(
      LocalizedText title,
      LocalizedText text,
      String linkUrl,
      LocalDate startsOn,
      LocalDate endsOn,
      int priority) {
    if (endsOn.isBefore(startsOn)) {
      throw new IllegalArgumentException("A highlight cannot end before it starts");
    }
    this.titleFr = Objects.requireNonNull(title.fr());
    this.titleEn = title.en();
    this.textFr = Objects.requireNonNull(text.fr());
    this.textEn = text.en();
    this.linkUrl = linkUrl;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.priority = priority;
  }

  public LocalizedText title() {
    return LocalizedText.of(titleFr, titleEn);
  }

  public LocalizedText text() {
    return LocalizedText.of(textFr, textEn);
  }

  public String linkUrl() {
    return linkUrl;
  }

  public LocalDate startsOn() {
    return startsOn;
  }

  public LocalDate endsOn() {
    return endsOn;
  }

  public int priority() {
    return priority;
  }
}
