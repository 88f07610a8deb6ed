package fr.cite.admin.family;

import fr.cite.platform.family.application.Bookings;
import fr.cite.platform.family.application.FamilyDesk;
import fr.cite.platform.family.application.FamilyFiles;
import fr.cite.platform.family.domain.FamilyDocument;
import fr.cite.platform.family.domain.Quotient;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What waits for the family service: registrations (accept, which books the pattern; ask for a
 * document; refuse, each with a message to the family), documents, quotients and absences to check.
 * Every decision moves the family's request on in "Mon compte".
 */
@Named("familyQueue")
@ViewScoped
public class FamilyQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient FamilyDesk desk;

  @Inject transient Bookings bookings;

  @Inject transient FamilyFiles files;

  private final Map<Long, String> messages = new HashMap<>();
  private final Map<Long, String> values = new HashMap<>();
  private final Map<Long, String> validTo = new HashMap<>();

  public List<FamilyDesk.RegistrationRow> getRegistrations() {
    return desk.registrationsWaiting(0, 100);
  }

  public List<FamilyDocument> getDocuments() {
    return desk.documentsWaiting(0, 100).stream()
        .filter(d -> d.kind() != fr.cite.platform.family.domain.DocumentKind.QUOTIENT_CERTIFICATE)
        .filter(d -> d.kind() != fr.cite.platform.family.domain.DocumentKind.MEDICAL_CERTIFICATE)
        .toList();
  }

  public List<Quotient> getQuotients() {
    return desk.quotientsWaiting();
  }

  public List<FamilyDesk.AbsenceRow> getAbsences() {
    return desk.absencesWaiting();
  }

  public FamilyDesk.Waiting getWaiting() {
    return desk.waiting();
  }

  public String weekdays(int mask) {
    return Weekdays.label(mask, FamilyConsole.locale());
  }

  public String date(LocalDate d) {
    return FamilyConsole.date(d);
  }

  public String kind(FamilyDocument d) {
    return d.kind().label().in(FamilyConsole.locale());
  }

  public Map<Long, String> getMessages() {
    return messages;
  }

  public Map<Long, String> getValues() {
    return values;
  }

  public Map<Long, String> getValidTo() {
    return validTo;
  }

  public void decide(long registrationId, String decision) {
    try {
      int booked =
          bookings.decide(
              registrationId,
              Bookings.Decision.valueOf(decision),
              messages.get(registrationId),
              FamilyConsole.by());
      messages.remove(registrationId);
      FamilyConsole.info(
          decision.equals("ACCEPT")
              ? FamilyConsole.text("fam.done.accepted", booked)
              : FamilyConsole.text("fam.done.decided"));
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  public void checkDocument(long id, boolean accept) {
    try {
      files.checkDocument(
          id, accept, null, parse(validTo.get(id)), messages.get(id), FamilyConsole.by());
      FamilyConsole.info(
          FamilyConsole.text(accept ? "fam.done.documentAccepted" : "fam.done.documentRefused"));
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  public void checkQuotient(long id, boolean accept) {
    try {
      String v = values.get(id);
      Integer value =
          v != null && v.strip().matches("[0-9]{1,6}") ? Integer.valueOf(v.strip()) : null;
      files.checkQuotient(
          id, accept, value, null, parse(validTo.get(id)), messages.get(id), FamilyConsole.by());
      FamilyConsole.info(
          FamilyConsole.text(accept ? "fam.done.quotientAccepted" : "fam.done.quotientRefused"));
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  public void checkAbsence(long id, boolean accept) {
    try {
      files.decideAbsence(id, accept, messages.get(id), FamilyConsole.by());
      FamilyConsole.info(
          FamilyConsole.text(accept ? "fam.done.absenceAccepted" : "fam.done.absenceRefused"));
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  static LocalDate parse(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
