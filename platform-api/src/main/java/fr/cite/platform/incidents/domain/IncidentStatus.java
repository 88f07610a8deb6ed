package fr.cite.platform.incidents.domain;

import fr.cite.platform.requests.domain.RequestStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a report stands, richer than Open311's {@code open}/{@code closed} (DansMaRue's and
 * Signalen's statuses), each mapped to one of them; agents move a report only along {@link
 * #next()}, and a reporter's "not fixed" reopens a resolved report.
 */
public enum IncidentStatus {
  NEW("Nouveau", "New"),
  TO_REQUALIFY("À requalifier", "To be requalified"),
  ACKNOWLEDGED("Pris en compte", "Acknowledged"),
  SCHEDULED("Programmé", "Scheduled"),
  IN_PROGRESS("En cours", "In progress"),
  WAITING("En attente d'information", "Waiting for information"),
  TRANSFERRED("Transféré à un prestataire", "Transferred to a contractor"),
  REOPENED("Rouvert", "Reopened"),
  RESOLVED("Résolu", "Resolved"),
  UNDER_WATCH("Sous surveillance", "Under watch"),
  NOT_RESPONSIBLE("Hors compétence de la commune", "Not the town's responsibility"),
  DUPLICATE("Doublon", "Duplicate"),
  REJECTED("Rejeté", "Rejected");

  private final String fr;
  private final String en;

  IncidentStatus(String fr, String en) {
    this.fr = fr;
    this.en = en;
  }

  public String label(String language) {
    return "en".equals(language) ? en : fr;
  }

  /** Open311's {@code status}: every Cité status is one of the two. */
  public String open311() {
    return open() ? "open" : "closed";
  }

  public boolean open() {
    return switch (this) {
      case NEW,
          TO_REQUALIFY,
          ACKNOWLEDGED,
          SCHEDULED,
          IN_PROGRESS,
          WAITING,
          TRANSFERRED,
          REOPENED ->
          true;
      case RESOLVED, UNDER_WATCH, NOT_RESPONSIBLE, DUPLICATE, REJECTED -> false;
    };
  }

  private static final Set<IncidentStatus> HANDLING =
      EnumSet.of(ACKNOWLEDGED, SCHEDULED, IN_PROGRESS, WAITING, TRANSFERRED);

  private static final Set<IncidentStatus> ENDINGS =
      EnumSet.of(RESOLVED, UNDER_WATCH, NOT_RESPONSIBLE, DUPLICATE, REJECTED);

  private static final Map<IncidentStatus, Set<IncidentStatus>> NEXT = table();

  private static Map<IncidentStatus, Set<IncidentStatus>> table() {
    Map<IncidentStatus, Set<IncidentStatus>> t = new java.util.EnumMap<>(IncidentStatus.class);
    for (IncidentStatus s : values()) {
      Set<IncidentStatus> next = EnumSet.noneOf(IncidentStatus.class);
      if (s.open()) {
        // An open report can be taken up, moved on, ended, or sent back to the front desk.
        next.addAll(HANDLING);
        next.addAll(ENDINGS);
        next.add(TO_REQUALIFY);
      } else if (s == RESOLVED || s == UNDER_WATCH) {
        // A resolved report is watched, or reopened (by an agent, or by its reporter's "no").
        next.add(s == RESOLVED ? UNDER_WATCH : RESOLVED);
        next.add(REOPENED);
      } else {
        // Not the town's, a duplicate or rejected: only an agent's reopening brings it back.
        next.add(REOPENED);
      }
      next.remove(s);
      next.remove(NEW);
      t.put(s, EnumSet.copyOf(next.isEmpty() ? EnumSet.of(REOPENED) : next));
    }
    return t;
  }

  /** Where an agent may move a report from here. */
  public Set<IncidentStatus> next() {
    return EnumSet.copyOf(NEXT.get(this));
  }

  public boolean canMoveTo(IncidentStatus to) {
    return NEXT.get(this).contains(to);
  }

  /** Whether a reporter's "not fixed" may reopen it. */
  public boolean reopenableByReporter() {
    return this == RESOLVED || this == UNDER_WATCH;
  }

  /** Where the request of the common model stands when the report stands here. */
  public RequestStatus requestStatus() {
    return switch (this) {
      case NEW, TO_REQUALIFY -> RequestStatus.SUBMITTED;
      case WAITING -> RequestStatus.WAITING;
      case ACKNOWLEDGED, SCHEDULED, IN_PROGRESS, TRANSFERRED, REOPENED -> RequestStatus.IN_PROGRESS;
      case RESOLVED, UNDER_WATCH -> RequestStatus.DONE;
      case NOT_RESPONSIBLE, DUPLICATE, REJECTED -> RequestStatus.REJECTED;
    };
  }
}
