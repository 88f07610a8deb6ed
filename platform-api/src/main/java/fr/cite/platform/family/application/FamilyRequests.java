package fr.cite.platform.family.application;

import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.requests.application.RequestDesk;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/**
 * Family processes as requests of the common model (ARCHITECTURE §5): a registration, a crèche
 * application, an absence to justify, a document to check is filed as a request of its family type
 * (created in the town the first time it is needed, handled by the education service), so it shows
 * in "Mon compte" and in the agents' queue; the agent's decision in the family desk moves it on and
 * the citizen gets the usual e-mail.
 */
@ApplicationService
public class FamilyRequests {

  /** The family request types. */
  public enum Kind {
    REGISTRATION(
        "famille-inscription",
        new LocalizedText("Inscription à une activité", "Registration to an activity")),
    DOCUMENT(
        "famille-justificatif",
        new LocalizedText("Pièce du dossier famille", "Family file document")),
    QUOTIENT(
        "famille-quotient",
        new LocalizedText("Quotient familial déclaré", "Declared family quotient")),
    ABSENCE("famille-absence", new LocalizedText("Absence pour maladie", "Absence for illness")),
    CRECHE(
        "famille-creche",
        new LocalizedText("Demande de place en crèche", "Crèche place application")),
    /** An issued invoice to pay (billing files it; paid in full, it is resolved). */
    PAYMENT_DUE("famille-facture", new LocalizedText("Facture à payer", "Invoice to pay"));

    final String slug;
    final LocalizedText name;

    Kind(String slug, LocalizedText name) {
      this.slug = slug;
      this.name = name;
    }

    public String slug() {
      return slug;
    }
  }

  static final String SERVICE = "education";
  static final String SUMMARY = "resume";

  @PersistenceContext EntityManager em;

  @Inject Requests requests;

  @Inject RequestDesk desk;

  @Inject fr.cite.platform.requests.application.RequestCatalog catalog;

  /** Files a submitted request of the kind for the citizen; returns it. */
  public Demande file(Kind kind, Demande.Citizen citizen, String summary, String language) {
    ensureType(kind);
    return requests
        .file(
            new Requests.Filing(
                kind.slug,
                citizen,
                RequestChannel.WEB,
                Map.of(SUMMARY, List.of(summary)),
                List.of(),
                false,
                null,
                DemandeEvent.Actor.CITIZEN,
                citizen.name(),
                language))
        .demande();
  }

  /** Moves the request on from the family desk, with a message to the citizen (optional). */
  public void decide(Long demandeId, RequestStatus to, String message, String by) {
    if (demandeId != null) {
      desk.follow(demandeId, to, message, by, true);
    }
  }

  void ensureType(Kind kind) {
    catalog.ensureSummaryType(
        kind.slug,
        kind.name,
        new LocalizedText(
            "Déposée depuis l'espace famille de Mon compte.",
            "Filed from the family space in My account."),
        SERVICE,
        new LocalizedText("Éducation et enfance", "Education and childhood"),
        SUMMARY,
        false,
        1000 + kind.ordinal());
  }
}
