package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/** A news item of the town, shown on its home, newest first. */
@Entity
@Table(name = "catalogue_news")
public class NewsItem extends TownRecord {

  @Column(name = "title_fr", length = 160, nullable = false)
  private String titleFr;

  @Column(name = "title_en", length = 160)
  private String titleEn;

  @Column(name = "summary_fr", length = 600, nullable = false)
  private String summaryFr;

  @Column(name = "summary_en", length = 600)
  private String summaryEn;

  @Column(name = "link_url", length = 500)
  private String linkUrl;

  @Column(name = "published_on", nullable = false)
  private LocalDate publishedOn;

  protected NewsItem() {}

  public NewsItem(LocalizedText title, LocalizedText summary, String linkUrl, LocalDate on) {
    this.titleFr = Objects.requireNonNull(title.fr());
    this.titleEn = title.en();
    this.summaryFr = Objects.requireNonNull(summary.fr());
    this.summaryEn = summary.en();
    this.linkUrl = linkUrl;
    this.publishedOn = Objects.requireNonNull(on);
  }

  public LocalizedText title() {
    return LocalizedText.of(titleFr, titleEn);
  }

  public LocalDate publishedOn() {
    return publishedOn;
  }

  public String linkUrl() {
    return linkUrl;
  }
}
