package fr.cite.portal.incidents;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.incidents.application.IncidentReads;
import fr.cite.platform.incidents.application.IncidentReports;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.problem.Problems;
import fr.cite.platform.requests.application.SubmissionLimiter;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.portal.requests.Citizens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The incident pages: reporting ({@code /signalements}), the public map and list ({@code
 * /signalements/carte}), and a report's public page ({@code /signalements/{id}}) with following by
 * e-mail and the reporter's "fixed?" answer, which work without JavaScript.
 */
@Named("incidents")
@RequestScoped
public class IncidentPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject transient IncidentReads reads;

  @Inject transient IncidentReports reports;

  @Inject transient IncidentSetup setup;

  @Inject transient RequestHost host;

  @Inject transient SubmissionLimiter limiter;

  @Inject transient CiteConfig config;

  private String id;
  private transient IncidentReads.PublicReport report;
  private String email;
  private boolean followed;
  private String answer;
  private String comment;
  private String code;
  private boolean answered;
  private String error;
  private String token;
  private boolean unfollowed;

  /** A report's page: 404 when it does not exist or is not public. */
  public void load() throws IOException {
    if (getReport() == null) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  public IncidentReads.PublicReport getReport() {
    if (id == null) {
      // On a postback, forms are decoded before the view parameter reaches the bean: the forms'
      // rendered conditions need the report already.
      id =
          FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    if (report == null && id != null && id.matches("[0-9]{1,18}")) {
      report = reads.report(Long.parseLong(id)).orElse(null);
    }
    return report;
  }

  public void follow() {
    error = null;
    if (getReport() == null) {
      return;
    }
    if (!limiter.allow(
        "incident-follow", host.town().orElseThrow().id(), Citizens.request().getRemoteAddr())) {
      error = text(new ProblemException(429, "request-rate-limited"));
      return;
    }
    if (email == null
        || !email.strip().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
        || email.length() > 254) {
      error = fr.cite.portal.web.PortalPage.text("validation.email");
      return;
    }
    try {
      reports.follow(Long.parseLong(id), email.strip());
      followed = true;
      report = null;
    } catch (ProblemException | NumberFormatException e) {
      error = e instanceof ProblemException p ? text(p) : null;
    }
  }

  /**
   * Stops the e-mails of the follower whose link brought them here (a button: mail scanners only
   * look).
   */
  public void unfollow() {
    error = null;
    if (getReport() == null) {
      return;
    }
    String t = getToken();
    if (t == null || !t.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      error = text(ProblemException.notFound("incident-follower-unknown"));
      return;
    }
    if (!limiter.allow(
        "incident-follow", host.town().orElseThrow().id(), Citizens.request().getRemoteAddr())) {
      error = text(new ProblemException(429, "request-rate-limited"));
      return;
    }
    try {
      reports.unfollow(Long.parseLong(id), java.util.UUID.fromString(t));
      unfollowed = true;
      token = null;
      report = null;
    } catch (ProblemException e) {
      error = text(e);
    }
  }

  public void answer() {
    error = null;
    if (getReport() == null) {
      return;
    }
    if (!limiter.allow(
        "incident-answer", host.town().orElseThrow().id(), Citizens.request().getRemoteAddr())) {
      error = text(new ProblemException(429, "request-rate-limited"));
      return;
    }
    IncidentReports.Answer a;
    try {
      a = IncidentReports.Answer.valueOf(answer == null ? "" : answer);
    } catch (IllegalArgumentException e) {
      error = fr.cite.portal.web.PortalPage.text("validation.required");
      return;
    }
    if (comment != null && comment.length() > 1000) {
      error = fr.cite.portal.web.PortalPage.text("validation.required");
      return;
    }
    try {
      reports.answer(
          Long.parseLong(id),
          a,
          comment,
          Citizens.subject().orElse(null),
          code == null ? null : code.strip());
      answered = true;
      report = null;
    } catch (ProblemException e) {
      error = text(e);
    }
  }

  private String text(ProblemException e) {
    return Problems.of(e.status(), e.code(), host.locale(), null, e.args()).detail();
  }

  // ---- what the pages show

  public String categoryName() {
    return getReport().categoryName(lang());
  }

  public String serviceName() {
    return getReport().serviceName(lang());
  }

  public String statusLabel(String status) {
    return fr.cite.platform.incidents.domain.IncidentStatus.valueOf(status).label(lang());
  }

  public String date(Instant i) {
    return i == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(host.locale())
            .format(i.atZone(PARIS).toLocalDate());
  }

  public String day(java.time.LocalDate d) {
    return d == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(host.locale()).format(d);
  }

  public String dateTime(Instant i) {
    return i == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(host.locale())
            .format(i.atZone(PARIS));
  }

  /** The public category tree (main categories, each with its own), for the form and filters. */
  public List<IncidentSetup.Category> getMainCategories() {
    return categories().stream().filter(c -> c.parentId() == null).toList();
  }

  public List<IncidentSetup.Category> childrenOf(IncidentSetup.Category parent) {
    return categories().stream()
        .filter(c -> c.parentId() != null && c.parentId() == parent.id())
        .toList();
  }

  private transient List<IncidentSetup.Category> categories;

  private List<IncidentSetup.Category> categories() {
    if (categories == null) {
      categories = setup.categories().stream().filter(IncidentSetup.Category::isPublic).toList();
    }
    return categories;
  }

  public String name(IncidentSetup.Category c) {
    return c.name(lang());
  }

  /** The categories a report is filed in that have fields of their own. */
  public List<IncidentSetup.Category> getCategoriesWithFields() {
    return IncidentSetup.leavesOf(categories()).stream()
        .filter(c -> !c.form().fields().isEmpty())
        .toList();
  }

  /** A category's fields as the page shows them, in the reader's language. */
  public List<fr.cite.platform.requests.api.RequestViews.FieldView> fields(
      IncidentSetup.Category c) {
    return c.form().fields().stream()
        .map(f -> fr.cite.platform.requests.api.RequestViews.FieldView.of(f, host.locale()))
        .toList();
  }

  /** The tile server's URL template, empty for the blank local layer. */
  public String getTiles() {
    return config.mapTiles().orElse("");
  }

  public String getTilesAttribution() {
    return config.mapTilesAttribution();
  }

  private String lang() {
    return host.locale().getLanguage();
  }

  public boolean isResolved() {
    return getReport() != null && getReport().status().reopenableByReporter();
  }

  /** The token of a follower's "stop following" link (on a postback, from the form). */
  public String getToken() {
    if (token == null && !unfollowed) {
      token =
          FacesContext.getCurrentInstance()
              .getExternalContext()
              .getRequestParameterMap()
              .get("jeton");
    }
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isUnfollowed() {
    return unfollowed;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isFollowed() {
    return followed;
  }

  public String getAnswer() {
    return answer;
  }

  public void setAnswer(String answer) {
    this.answer = answer;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public boolean isAnswered() {
    return answered;
  }

  public String getError() {
    return error;
  }
}
