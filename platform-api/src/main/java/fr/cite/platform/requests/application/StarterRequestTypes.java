package fr.cite.platform.requests.application;

import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.requests.domain.FieldType;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.FormSchema.Field;
import fr.cite.platform.requests.domain.FormSchema.Option;
import java.util.List;

/**
 * The services and request types every town starts with, each tied to the starter catalogue's
 * procedure whose "online" channel leads to its form. Written for Cité; towns adapt them.
 */
final class StarterRequestTypes {

  private StarterRequestTypes() {}

  /** A service of the town. */
  record Service(String slug, LocalizedText name) {}

  /** A request type and the slug of the service that handles it. */
  record Type(
      String slug,
      LocalizedText name,
      LocalizedText description,
      String service,
      String procedure,
      boolean anonymous,
      FormSchema form) {}

  static final List<Service> SERVICES =
      List.of(
          new Service("proprete", t("Propreté urbaine", "Street cleaning")),
          new Service("voirie", t("Voirie", "Roads")),
          new Service("education", t("Éducation et enfance", "Education and childhood")),
          new Service("ccas", t("Centre communal d'action sociale", "Social welfare centre")),
          new Service("vie-associative", t("Vie associative", "Community life")),
          new Service("police-municipale", t("Police municipale", "Municipal police")));

  static final List<Type> TYPES =
      List.of(
          new Type(
              "enlevement-graffitis",
              t("Enlèvement de graffitis", "Graffiti removal"),
              t(
                  "Signalez des tags ou graffitis sur un mur visible depuis la voie publique : la ville"
                      + " les efface gratuitement.",
                  "Report tags or graffiti on a wall seen from the street: the town removes them"
                      + " free of charge."),
              "proprete",
              "graffitis",
              true,
              form(
                  field(
                      "adresse",
                      FieldType.ADDRESS,
                      t("Adresse des graffitis", "Address of the graffiti"),
                      true),
                  choice(
                      "support",
                      t("Support", "Surface"),
                      true,
                      opt("facade-privee", "Façade d'un immeuble privé", "Private building front"),
                      opt("batiment-public", "Bâtiment public", "Public building"),
                      opt("mobilier-urbain", "Mobilier urbain", "Street furniture"),
                      opt("autre", "Autre", "Other")),
                  text(
                      "description",
                      FieldType.LONG_TEXT,
                      t("Description", "Description"),
                      false,
                      1000),
                  field(
                      "photo",
                      FieldType.FILE,
                      t(
                          "Photo (JPEG, PNG ou PDF, 10 Mo au plus)",
                          "Photo (JPEG, PNG or PDF, 10 MB at most)"),
                      false),
                  field(
                      "accord",
                      FieldType.CHECKBOX,
                      t(
                          "Pour une façade privée, le propriétaire autorise l'intervention",
                          "For a private front, the owner allows the work"),
                      false))),
          new Type(
              "preinscription-scolaire",
              t("Préinscription scolaire", "School pre-registration"),
              t(
                  "Préinscrivez votre enfant à l'école maternelle ou élémentaire de votre secteur.",
                  "Pre-register your child at the nursery or primary school of your area."),
              "education",
              "inscription-scolaire",
              false,
              form(
                  text(
                      "prenomEnfant",
                      FieldType.TEXT,
                      t("Prénom de l'enfant", "Child's first name"),
                      true,
                      80),
                  text(
                      "nomEnfant",
                      FieldType.TEXT,
                      t("Nom de l'enfant", "Child's last name"),
                      true,
                      80),
                  new Field(
                      "naissance",
                      FieldType.DATE,
                      t("Date de naissance", "Date of birth"),
                      null,
                      true,
                      -12.0 * 366,
                      -365.0 * 2,
                      null,
                      null,
                      null),
                  choice(
                      "niveau",
                      t("Classe à la rentrée", "Class at the start of the school year"),
                      true,
                      opt("ps", "Petite section", "Nursery, first year"),
                      opt("ms", "Moyenne section", "Nursery, second year"),
                      opt("gs", "Grande section", "Nursery, third year"),
                      opt("cp", "CP", "Year 1"),
                      opt("elementaire", "CE1 à CM2", "Years 2 to 5")),
                  field(
                      "adresse",
                      FieldType.ADDRESS,
                      t("Adresse de l'enfant", "Child's address"),
                      true),
                  field("telephone", FieldType.PHONE, t("Téléphone", "Phone"), true),
                  field(
                      "justificatifDomicile",
                      FieldType.FILE,
                      t(
                          "Justificatif de domicile de moins de 3 mois",
                          "Proof of address under 3 months old"),
                      true))),
          new Type(
              "attestation-quotient-familial",
              t("Attestation de quotient familial", "Family-quotient certificate"),
              t(
                  "Faites calculer votre quotient familial pour les tarifs de la cantine, du"
                      + " périscolaire et des loisirs.",
                  "Have your family quotient computed for canteen, after-school and leisure rates."),
              "ccas",
              "quotient-familial",
              false,
              form(
                  new Field(
                      "numeroAllocataire",
                      FieldType.TEXT,
                      t(
                          "Numéro d'allocataire CAF (7 chiffres), si vous en avez un",
                          "CAF claimant number (7 digits), if any"),
                      null,
                      false,
                      null,
                      null,
                      7,
                      "[0-9]{7}",
                      null),
                  new Field(
                      "personnesFoyer",
                      FieldType.NUMBER,
                      t("Nombre de personnes au foyer", "People in the household"),
                      null,
                      true,
                      1.0,
                      15.0,
                      null,
                      null,
                      null),
                  field(
                      "avisImposition",
                      FieldType.FILE,
                      t("Dernier avis d'imposition", "Latest tax notice"),
                      true))),
          new Type(
              "collecte-encombrants",
              t("Collecte des encombrants", "Bulky waste collection"),
              t(
                  "Demandez un rendez-vous pour l'enlèvement de vos encombrants.",
                  "Book a bulky waste pick-up."),
              "proprete",
              "encombrants",
              false,
              form(
                  field(
                      "adresse",
                      FieldType.ADDRESS,
                      t("Adresse de collecte", "Pick-up address"),
                      true),
                  text(
                      "objets",
                      FieldType.LONG_TEXT,
                      t("Objets à enlever", "Items to take away"),
                      true,
                      1000),
                  new Field(
                      "volume",
                      FieldType.NUMBER,
                      t("Volume estimé (m³)", "Estimated volume (m³)"),
                      null,
                      true,
                      0.5,
                      5.0,
                      null,
                      null,
                      null),
                  new Field(
                      "datePreferee",
                      FieldType.DATE,
                      t("Date souhaitée", "Preferred date"),
                      null,
                      false,
                      2.0,
                      60.0,
                      null,
                      null,
                      null))),
          new Type(
              "probleme-voirie",
              t("Problème de voirie", "Road problem"),
              t(
                  "Nid-de-poule, trottoir abîmé, éclairage en panne : signalez-le.",
                  "Pothole, damaged pavement, broken street light: report it."),
              "voirie",
              "signaler-probleme-voirie",
              true,
              form(
                  field(
                      "adresse", FieldType.ADDRESS, t("Adresse ou lieu", "Address or place"), true),
                  choice(
                      "nature",
                      t("Nature du problème", "Kind of problem"),
                      true,
                      opt("chaussee", "Chaussée dégradée", "Damaged road"),
                      opt("trottoir", "Trottoir", "Pavement"),
                      opt("eclairage", "Éclairage public", "Street lighting"),
                      opt("signalisation", "Signalisation", "Signs"),
                      opt("autre", "Autre", "Other")),
                  text(
                      "description",
                      FieldType.LONG_TEXT,
                      t("Description", "Description"),
                      true,
                      1000),
                  field("photo", FieldType.FILE, t("Photo", "Photo"), false))),
          new Type(
              "reservation-salle",
              t("Réservation d'une salle municipale", "Booking a town hall room"),
              t(
                  "Demandez le prêt d'une salle pour une réunion ou un événement.",
                  "Ask to use a room for a meeting or an event."),
              "vie-associative",
              "pret-de-salle",
              false,
              form(
                  text(
                      "organisme",
                      FieldType.TEXT,
                      t("Association ou organisme", "Association or body"),
                      true,
                      160),
                  new Field(
                      "date",
                      FieldType.DATE,
                      t("Date", "Date"),
                      null,
                      true,
                      7.0,
                      365.0,
                      null,
                      null,
                      null),
                  new Field(
                      "participants",
                      FieldType.NUMBER,
                      t("Nombre de participants", "Number of attendees"),
                      null,
                      true,
                      1.0,
                      500.0,
                      null,
                      null,
                      null),
                  text(
                      "objet",
                      FieldType.LONG_TEXT,
                      t("Objet de la réunion", "Purpose"),
                      true,
                      1000),
                  field(
                      "email", FieldType.EMAIL, t("Courriel de contact", "Contact e-mail"), true))),
          new Type(
              "tranquillite-vacances",
              t("Opération tranquillité vacances", "Holiday home watch"),
              t(
                  "Pendant votre absence, la police municipale passe surveiller votre logement.",
                  "While you are away, the municipal police keep an eye on your home."),
              "police-municipale",
              "tranquillite-vacances",
              false,
              form(
                  field(
                      "adresse", FieldType.ADDRESS, t("Adresse du logement", "Home address"), true),
                  new Field(
                      "depart",
                      FieldType.DATE,
                      t("Date de départ", "Leaving on"),
                      null,
                      true,
                      2.0,
                      365.0,
                      null,
                      null,
                      null),
                  new Field(
                      "retour",
                      FieldType.DATE,
                      t("Date de retour", "Back on"),
                      null,
                      true,
                      2.0,
                      400.0,
                      null,
                      null,
                      null),
                  field(
                      "telephone",
                      FieldType.PHONE,
                      t("Téléphone joignable pendant l'absence", "Phone while away"),
                      true),
                  text(
                      "consignes",
                      FieldType.LONG_TEXT,
                      t(
                          "Consignes (alarme, voisin ayant les clés…)",
                          "Instructions (alarm, neighbour with keys…)"),
                      false,
                      1000))),
          new Type(
              "registre-canicule",
              t("Inscription au registre canicule", "Heatwave register"),
              t(
                  "Les personnes âgées ou handicapées isolées sont appelées en cas de canicule.",
                  "Isolated elderly or disabled people are called during heatwaves."),
              "ccas",
              "registre-canicule",
              false,
              form(
                  text(
                      "personne",
                      FieldType.TEXT,
                      t("Nom et prénom de la personne", "Person's full name"),
                      true,
                      160),
                  new Field(
                      "naissance",
                      FieldType.DATE,
                      t("Date de naissance", "Date of birth"),
                      null,
                      true,
                      -45000.0,
                      0.0,
                      null,
                      null,
                      null),
                  field("adresse", FieldType.ADDRESS, t("Adresse", "Address"), true),
                  field("telephone", FieldType.PHONE, t("Téléphone", "Phone"), true),
                  text(
                      "procheAPrevenir",
                      FieldType.TEXT,
                      t("Proche à prévenir", "Relative to call"),
                      false,
                      200),
                  field(
                      "consentement",
                      FieldType.CHECKBOX,
                      t("J'accepte d'être inscrit(e) au registre", "I agree to be on the register"),
                      true))));

  // ---- small builders

  static LocalizedText t(String fr, String en) {
    return LocalizedText.of(fr, en);
  }

  static Option opt(String value, String fr, String en) {
    return new Option(value, t(fr, en));
  }

  static Field field(String name, FieldType type, LocalizedText label, boolean required) {
    return new Field(name, type, label, null, required, null, null, null, null, null);
  }

  static Field text(String name, FieldType type, LocalizedText label, boolean required, int max) {
    return new Field(name, type, label, null, required, null, null, max, null, null);
  }

  static Field choice(String name, LocalizedText label, boolean required, Option... options) {
    return new Field(
        name, FieldType.CHOICE, label, null, required, null, null, null, null, List.of(options));
  }

  static FormSchema form(Field... fields) {
    return new FormSchema(List.of(fields));
  }
}
