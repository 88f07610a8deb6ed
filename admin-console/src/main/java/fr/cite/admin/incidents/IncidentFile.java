package fr.cite.admin.incidents;

import fr.cite.admin.web.ConsoleFaces;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.incidents.application.IncidentDesk;
import fr.cite.platform.incidents.application.IncidentReads;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One report as an agent handles it: where it is and why it was routed there, what the reporter
 * wrote and who they are (agents only), its photos, its public history; a status change with its
 * public message, an expected date (scheduled), a merge into the report it duplicates (followers
 * move), and moderation: the public text rewritten, the report or a photo kept off the public map.
 */
@Named("incidentFile")
@ViewScoped
public class IncidentFile implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Inject transient IncidentDesk desk;

  @Inject transient AuditLog audit;

  @Inject transient fr.cite.platform.incidents.application.IncidentSetup setup;

  private String id;
  private long report;
  private transient IncidentDesk.Detail detail;

  private String move;
  private String message;
  private LocalDate expectedOn;
  private Long keep;
  private String publicText;
  private boolean hidden;
  private List<PhotoChoice> photos = new ArrayList<>();

  /** A photo of the report and whether the public sees it. */
  public static class PhotoChoice implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final boolean masked;
    private boolean hidden;

    PhotoChoice(long id, boolean hidden, boolean masked) {
      this.id = id;
      this.hidden = hidden;
      this.masked = masked;
    }

    public long getId() {
      return id;
    }

    public boolean isMasked() {
      return masked;
    }

    public boolean isHidden() {
      return hidden;
    }

    public void setHidden(boolean hidden) {
      this.hidden = hidden;
    }
  }

  /** Reads the report named by the address; an unknown (or another town's) report is a 404. */
  public void load() throws java.io.IOException {
    try {
      report = Long.parseLong(id == null ? "" : id.strip());
      read();
    } catch (NumberFormatException | ProblemException e) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, ConsoleFaces.text("incfile.notFound"));
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  private void read() {
    detail = desk.detail(report);
    categories = null;
    // What the public reads (the reporter's words until an agent rewrites them; the original stays
    // in the request's answers).
    publicText = detail.description() == null ? "" : detail.description();
    hidden = "HIDDEN".equals(detail.row().moderation());
    expectedOn = detail.row().expectedOn();
    photos = new ArrayList<>();
    desk.photoStates(report)
        .forEach(p -> photos.add(new PhotoChoice(p.id(), p.hidden(), p.masked())));
  }

  public IncidentDesk.Detail getDetail() {
    if (detail == null && report > 0) {
      detail = desk.detail(report);
    }
    return detail;
  }

  public List<IncidentStatus> getNext() {
    return getDetail().row().status().next().stream().sorted().toList();
  }

  public String label(IncidentStatus s) {
    return s.label(ConsoleFaces.locale().getLanguage());
  }

  /** The answers to the category's own fields, labelled in the reader's language. */
  public List<fr.cite.platform.requests.domain.FormSchema.Answer> getAnswers() {
    if (getDetail().answers().isEmpty()) {
      return List.of();
    }
    return getCategories().stream()
        .filter(c -> c.id() == getDetail().categoryId())
        .findFirst()
        .map(c -> c.form().answers(getDetail().answers(), ConsoleFaces.locale()))
        .orElse(List.of());
  }

  private transient List<fr.cite.platform.incidents.application.IncidentSetup.Category> categories;

  /**
   * The town's categories, read once per view and again after each action (answers' labels,
   * leaves).
   */
  private List<fr.cite.platform.incidents.application.IncidentSetup.Category> getCategories() {
    if (categories == null) {
      categories = setup.categories();
    }
    return categories;
  }

  /** Who filed it, for agents: the name and the e-mail (once when the name is the e-mail). */
  public String getReporter() {
    String name = getDetail().reporterName();
    String email = getDetail().reporterEmail();
    if (name == null || name.isBlank() || name.equalsIgnoreCase(email)) {
      return email == null ? "—" : email;
    }
    return email == null ? name : name + " · " + email;
  }

  /** An update's status (as stored: the status's name) in the reader's language. */
  public String statusLabel(String status) {
    try {
      return label(IncidentStatus.valueOf(status));
    } catch (IllegalArgumentException | NullPointerException e) {
      return status;
    }
  }

  public String when(java.time.Instant i) {
    return i == null ? "" : WHEN.format(i.atZone(ConsoleFaces.PARIS));
  }

  public String date(LocalDate d) {
    return ConsoleFaces.date(d);
  }

  /** The photo as a data address (re-encoded on upload: no EXIF), for the agent's eyes only. */
  public String photo(long photoId) {
    return "data:image/jpeg;base64,"
        + Base64.getEncoder().encodeToString(desk.photo(report, photoId));
  }

  public List<IncidentReads.Update> getUpdates() {
    return getDetail().updates();
  }

  public void apply() {
    if (move == null || move.isBlank()) {
      ConsoleFaces.error(ConsoleFaces.text("inc.choose-status"));
      return;
    }
    act(
        () -> {
          IncidentStatus to = IncidentStatus.valueOf(move);
          desk.move(report, to, message, null, ConsoleFaces.by("agent"));
          move = null;
          message = null;
          return ConsoleFaces.text("inc.moved", report, label(to));
        });
  }

  public void schedule() {
    if (expectedOn == null) {
      ConsoleFaces.error(ConsoleFaces.text("incfile.dateRequired"));
      return;
    }
    if (expectedOn.isBefore(ConsoleFaces.today())) {
      ConsoleFaces.error(ConsoleFaces.text("incfile.datePast"));
      return;
    }
    act(
        () -> {
          desk.schedule(report, expectedOn, ConsoleFaces.by("agent"));
          return ConsoleFaces.text("incfile.scheduled", ConsoleFaces.date(expectedOn));
        });
  }

  /** The categories a report may be moved to. */
  public List<fr.cite.platform.incidents.application.IncidentSetup.Category> getLeaves() {
    return fr.cite.platform.incidents.application.IncidentSetup.leavesOf(getCategories());
  }

  /** Another category or another place (or both): routed again, the reason kept. */
  public void requalify() {
    Double lat;
    Double lon;
    try {
      lat = decimal(reLat);
      lon = decimal(reLon);
    } catch (NumberFormatException e) {
      ConsoleFaces.error(ConsoleFaces.text("incfile.requalifyBoth"));
      return;
    }
    if ((reCategory == null || reCategory.isBlank()) && lat == null && lon == null) {
      ConsoleFaces.error(ConsoleFaces.text("incfile.requalifyWhat"));
      return;
    }
    if ((lat == null) != (lon == null)) {
      ConsoleFaces.error(ConsoleFaces.text("incfile.requalifyBoth"));
      return;
    }
    act(
        () -> {
          var d =
              desk.requalify(
                  report,
                  reCategory == null || reCategory.isBlank() ? null : reCategory,
                  lat,
                  lon,
                  ConsoleFaces.by("agent"));
          audit.recordTownStaff("incident.requalified", String.valueOf(report), d.explanation());
          reCategory = null;
          reLat = null;
          reLon = null;
          return ConsoleFaces.text("inc.requalified", report, d.explanation());
        });
  }

  private String reCategory;
  private String reLat;
  private String reLon;

  /** A decimal typed the French way (comma) or the other; blank is none. */
  private static Double decimal(String s) {
    return s == null || s.isBlank() ? null : Double.valueOf(s.strip().replace(',', '.'));
  }

  public String getReCategory() {
    return reCategory;
  }

  public void setReCategory(String reCategory) {
    this.reCategory = reCategory;
  }

  public String getReLat() {
    return reLat;
  }

  public void setReLat(String reLat) {
    this.reLat = reLat;
  }

  public String getReLon() {
    return reLon;
  }

  public void setReLon(String reLon) {
    this.reLon = reLon;
  }

  public void merge() {
    if (keep == null) {
      ConsoleFaces.error(ConsoleFaces.text("incfile.keepRequired"));
      return;
    }
    act(
        () -> {
          desk.merge(report, keep, ConsoleFaces.by("agent"));
          audit.recordTownStaff("incident.merged", String.valueOf(report), String.valueOf(keep));
          return ConsoleFaces.text("incfile.merged", report, keep);
        });
  }

  public void moderate() {
    if (publicText != null && publicText.length() > 2000) {
      ConsoleFaces.error(
          ConsoleFaces.text("incfile.publicText")
              + " : "
              + ConsoleFaces.text("incfile.tooLong", 2000));
      return;
    }
    act(
        () -> {
          desk.moderate(
              report,
              publicText,
              hidden,
              photos.stream()
                  .map(p -> new IncidentDesk.PhotoModeration(p.id, p.hidden, null))
                  .toList(),
              ConsoleFaces.by("agent"));
          audit.recordTownStaff("incident.moderated", String.valueOf(report), null);
          return ConsoleFaces.text("incfile.moderated");
        });
  }

  private void act(java.util.function.Supplier<String> action) {
    try {
      String done = action.get();
      read();
      ConsoleFaces.info(done);
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  // ---- form fields

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public long getReport() {
    return report;
  }

  public String getMove() {
    return move;
  }

  public void setMove(String move) {
    this.move = move;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public LocalDate getExpectedOn() {
    return expectedOn;
  }

  public void setExpectedOn(LocalDate expectedOn) {
    this.expectedOn = expectedOn;
  }

  public Long getKeep() {
    return keep;
  }

  public void setKeep(Long keep) {
    this.keep = keep;
  }

  public String getPublicText() {
    return publicText;
  }

  public void setPublicText(String publicText) {
    this.publicText = publicText;
  }

  public boolean isHidden() {
    return hidden;
  }

  public void setHidden(boolean hidden) {
    this.hidden = hidden;
  }

  public List<PhotoChoice> getPhotos() {
    return photos;
  }
}
