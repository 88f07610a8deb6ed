package fr.cite.platform.catalogue.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A kind of citizen the catalogue speaks to ("Familles", "Seniors", "Nouveaux habitants"...): the
 * "profils" of the e-services home. Each town keeps its own list.
 */
@Entity
@Table(name = "catalogue_profile")
public class Audience extends TownRecord {

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

  protected Audience() {}

  public Audience(String slug, LocalizedText name, LocalizedText description, int position) {
    this.slug = Slug.require(slug);
    this.nameFr = Objects.requireNonNull(name.fr(), "name");
    this.nameEn = name.en();
    this.descriptionFr = description == null ? null : description.fr();
    this.descriptionEn = description == null ? null : description.en();
    this.position = position;
  }

  /** Changes what citizens read of the audience and where it comes in the list. */
  public void rename(LocalizedText name, LocalizedText description, int position) {
    this.nameFr = Objects.requireNonNull(name.fr(), "name");
    this.nameEn = name.en();
    this.descriptionFr = description == null ? null : description.fr();
    this.descriptionEn = description == null ? null : description.en();
    this.position = position;
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

  public int position() {
    return position;
  }
}
