package fr.cite.admin.incidents;

import fr.cite.admin.web.ConsoleFaces;
import fr.cite.platform.incidents.application.IncidentDesk;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' queue of reports: their services' (or the front desk's, or a service's, or all),
 * drawn on a map beside the table, with the reason each was routed; a status change along the
 * transition table with its public message (the town's template when left empty), requalifying to
 * another category (routed again). Followers are e-mailed by the desk.
 */
@Named("incidentQueue")
@ViewScoped
public class IncidentQueue implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Inject transient IncidentDesk desk;

  @Inject transient IncidentSetup setup;

  private String service = "mine";
  private String state = "open";
  private final Map<Long, String> moves = new HashMap<>();
  private final Map<Long, String> messages = new HashMap<>();
  private final Map<Long, String> categories = new HashMap<>();
  private transient List<IncidentDesk.Row> rows;

  public List<IncidentDesk.Row> getRows() {
    if (rows == null) {
      List<Long> ids;
      boolean frontDesk = false;
      if ("mine".equals(service)) {
        ids = setup.servicesOf(ConsoleFaces.by(""));
        frontDesk = ids.isEmpty();
      } else if ("front-desk".equals(service)) {
        ids = List.of();
        frontDesk = true;
      } else if (service == null || service.isBlank()) {
        ids = List.of();
      } else {
        ids = setup.service(service).map(s -> List.of(s.id())).orElse(List.of(-1L));
      }
      rows = desk.queue(ids, frontDesk, state, 0, 200);
    }
    return rows;
  }

  public List<IncidentSetup.Service> getServices() {
    return setup.services();
  }

  public List<IncidentSetup.Category> getLeaves() {
    return setup.leaves();
  }

  /** The statuses a report may move to from where it stands. */
  public List<IncidentStatus> next(IncidentStatus s) {
    return s.next().stream().sorted().toList();
  }

  public String label(IncidentStatus s) {
    return s.label(ConsoleFaces.locale().getLanguage());
  }

  public String when(java.time.Instant i) {
    return i == null ? "" : WHEN.format(i.atZone(ConsoleFaces.PARIS));
  }

  /** The queue's points for the map: id, position, open or not. */
  public String getPoints() {
    StringBuilder s = new StringBuilder("[");
    for (IncidentDesk.Row r : getRows()) {
      s.append(s.length() > 1 ? "," : "")
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "{\"id\":%d,\"lat\":%.6f,\"lon\":%.6f,\"open\":%b,\"label\":%s}",
                  r.id(),
                  r.lat(),
                  r.lon(),
                  r.status().open(),
                  jakarta.json.Json.createValue(
                      "n° " + r.id() + " " + r.category() + " — " + label(r.status()))));
    }
    return s.append(']').toString();
  }

  public void move(long id) {
    String to = moves.get(id);
    if (to == null || to.isBlank()) {
      ConsoleFaces.error(ConsoleFaces.text("inc.choose-status"));
      return;
    }
    try {
      desk.move(id, IncidentStatus.valueOf(to), messages.get(id), null, ConsoleFaces.by("agent"));
      messages.remove(id);
      moves.remove(id);
      rows = null;
      ConsoleFaces.info(ConsoleFaces.text("inc.moved", id, label(IncidentStatus.valueOf(to))));
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  public void requalify(long id) {
    String category = categories.get(id);
    if (category == null || category.isBlank()) {
      ConsoleFaces.error(ConsoleFaces.text("inc.choose-category"));
      return;
    }
    try {
      var d = desk.requalify(id, category, null, null, ConsoleFaces.by("agent"));
      rows = null;
      ConsoleFaces.info(ConsoleFaces.text("inc.requalified", id, d.explanation()));
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  public void refresh() {
    rows = null;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public Map<Long, String> getMoves() {
    return moves;
  }

  public Map<Long, String> getMessages() {
    return messages;
  }

  public Map<Long, String> getCategories() {
    return categories;
  }
}
