package fr.cite.platform.family.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One line of the town's published grid for crèche places: a criterion and its points. */
@Entity
@Table(name = "family_creche_criterion")
public class CrecheCriterion extends FamilyRecord {

  /** The criteria a grid may weigh. */
  public enum Code {
    SIBLING(new LocalizedText("Frère ou sœur déjà accueilli", "Sibling already in a crèche")),
    BOTH_WORKING(
        new LocalizedText(
            "Deux parents qui travaillent ou étudient", "Both parents working or studying")),
    SINGLE_PARENT(new LocalizedText("Famille monoparentale", "Single-parent family")),
    DISABILITY(
        new LocalizedText(
            "Enfant ou parent en situation de handicap", "Child or parent with a disability")),
    RESIDENT(new LocalizedText("Famille habitant la commune", "Family living in the town")),
    PER_MONTH_WAITING(
        new LocalizedText(
            "Par mois d'attente depuis la demande", "Per month waiting since applying"));

    private final LocalizedText label;

    Code(LocalizedText label) {
      this.label = label;
    }

    public LocalizedText label() {
      return label;
    }

    /** Whether the family declares it (the others the town knows). */
    public boolean declared() {
      return this == SIBLING || this == BOTH_WORKING || this == SINGLE_PARENT || this == DISABILITY;
    }
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "code", length = 24, nullable = false, updatable = false)
  private Code code;

  @Column(name = "label_fr", length = 200, nullable = false)
  private String labelFr;

  @Column(name = "label_en", length = 200)
  private String labelEn;

  @Column(name = "points", nullable = false)
  private int points;

  @Column(name = "position", nullable = false)
  private int position;

  protected CrecheCriterion() {}

  public CrecheCriterion(Code code, int points, int position) {
    this.code = code;
    this.labelFr = code.label().fr();
    this.labelEn = code.label().en();
    this.points = points;
    this.position = position;
  }

  public void weigh(int points) {
    this.points = points;
  }

  public Code code() {
    return code;
  }

  public LocalizedText label() {
    return new LocalizedText(labelFr, labelEn);
  }

  public int points() {
    return points;
  }

  public int position() {
    return position;
  }
}
