package fr.cite.platform.family.domain;

import fr.cite.platform.i18n.LocalizedText;

/** What an activity is. */
public enum ActivityKind {
  CANTEEN(new LocalizedText("Restauration scolaire", "School canteen")),
  AFTER_SCHOOL(new LocalizedText("Accueil périscolaire", "After-school care")),
  LEISURE(new LocalizedText("Accueil de loisirs", "Leisure centre")),
  CRECHE(new LocalizedText("Crèche", "Crèche"));

  private final LocalizedText label;

  ActivityKind(LocalizedText label) {
    this.label = label;
  }

  public LocalizedText label() {
    return label;
  }
}
