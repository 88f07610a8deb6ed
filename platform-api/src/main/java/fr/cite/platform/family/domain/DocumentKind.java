package fr.cite.platform.family.domain;

import fr.cite.platform.i18n.LocalizedText;

/** The documents a household gives the town. */
public enum DocumentKind {
  ADDRESS_PROOF(new LocalizedText("Justificatif de domicile", "Proof of address")),
  QUOTIENT_CERTIFICATE(
      new LocalizedText(
          "Attestation de quotient familial CAF ou MSA", "CAF or MSA quotient certificate")),
  VACCINATION(new LocalizedText("Carnet de vaccinations", "Vaccination record")),
  PAI(new LocalizedText("Projet d'accueil individualisé (PAI)", "Individual care plan (PAI)")),
  MEDICAL_CERTIFICATE(new LocalizedText("Certificat médical", "Medical certificate")),
  OTHER(new LocalizedText("Autre document", "Other document"));

  private final LocalizedText label;

  DocumentKind(LocalizedText label) {
    this.label = label;
  }

  public LocalizedText label() {
    return label;
  }
}
