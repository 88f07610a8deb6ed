package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;

/** A theme of the catalogue ("Famille"), or a sub-theme of one ("Famille > Petite enfance"). */
@Entity
@Table(name = "catalogue_theme")
public class Theme extends TownRecord {

  @Column(name = "parent_id")
  private Long parentId;

  @Column(name = "slug", length = 80, nullable = false)
  private String slug;

  @Column(name = "name_fr", length = 120, nullable = false)
  private String nameFr;

  @Column(name = "name_en", length = 120)
  private String nameEn;

  @Column(name = "description_fr", length = 400)
  private String descriptionFr;

  @Column(name = "description_en", length = 400)
  private String descriptionEn;

  @Column(name = "published", nullable = false)
  private boolean published = true;

  @Column(name = "position", nullable = false)
  private int position;

  protected Theme() {}

  public Theme(
      Theme parent, String slug, LocalizedText name, LocalizedText description, int position) {
    this.parentId =
        parent == null ? null : Objects.requireNonNull(parent.id(), "parent not stored");
    this.slug = Slug.require(slug);
    rename(name, description);
    this.position = position;
  }

  /** Changes what citizens read of the theme. */
  public void rename(LocalizedText name, LocalizedText description) {
    this.nameFr = Objects.requireNonNull(name.fr(), "name");
    this.nameEn = name.en();
    this.descriptionFr = description == null ? null : description.fr();
    this.descriptionEn = description == null ? null : description.en();
  }

  /**
   * Files the theme under another (or at the top level when null), at a position. The catalogue has
   * two levels: a parent must be a top-level theme.
   */
  public void placeUnder(Theme parent, int position) {
    if (parent != null && (parent.parentId != null || Objects.equals(parent.id(), id()))) {
      throw new IllegalArgumentException("A theme can only be filed under a top-level theme");
    }
    this.parentId = parent == null ? null : parent.id();
    this.position = position;
  }

  public Optional<Long> parentId() {
    return Optional.ofNullable(parentId);
  }

  public String slug() {
    return slug;
  }

  public LocalizedText name() {
    return LocalizedText.of(nameFr, nameEn);
  }

  public LocalizedText description() {
    return descriptionFr == null ? null : LocalizedText.of(descriptionFr, descriptionEn);
  }

  public int position() {
    return position;
  }

  /** Shows or withdraws it on the portal (its procedures stay, filed elsewhere too). */
  public void publish(boolean shown) {
    this.published = shown;
  }

  public boolean published() {
    return published;
  }

  /** Moves it to a position among its siblings. */
  public void moveTo(int newPosition) {
    this.position = newPosition;
  }
}
