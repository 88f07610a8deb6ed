package fr.cite.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A town's colours. The primary colour carries white or black text (whichever has the better
 * contrast), so any primary colour yields readable headers; the admin console (a later issue) will
 * also refuse combinations below WCAG AA.
 */
@Embeddable
public class Branding {

  /** Bleu France and rouge Marianne: the default until a town picks its own. */
  public static final Branding DEFAULT =
      new Branding(HexColor.of("#000091"), HexColor.of("#c9191e"));

  @Column(name = "primary_color", length = 7, nullable = false)
  private String primaryColor;

  @Column(name = "secondary_color", length = 7, nullable = false)
  private String secondaryColor;

  protected Branding() {}

  public Branding(HexColor primary, HexColor secondary) {
    this.primaryColor = Objects.requireNonNull(primary).value();
    this.secondaryColor = Objects.requireNonNull(secondary).value();
  }

  public HexColor primary() {
    return HexColor.of(primaryColor);
  }

  public HexColor secondary() {
    return HexColor.of(secondaryColor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Branding b
        && b.primaryColor.equals(primaryColor)
        && b.secondaryColor.equals(secondaryColor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(primaryColor, secondaryColor);
  }
}
