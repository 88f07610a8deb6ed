package fr.cite.portal.requests;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.problem.Problems;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.application.StatusLabels;
import fr.cite.platform.requests.application.SubmissionLimiter;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FormData;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A request's page: what was asked, where it stands, its history with the town's messages, the
 * files, and a reply (text and a file). For the signed-in citizen ({@code /compte/demandes/{ref}})
 * and, with the tracking code, without an account ({@code /suivi}).
 */
@Named("requestPage")
@RequestScoped
public class RequestPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject Requests requests;

  @Inject StatusLabels labels;

  @Inject RequestHost host;

  @Inject SubmissionLimiter limiter;

  private String ref;
  private String code;
  private boolean tracked;
  private String replyText;
  private transient Part replyFile;
  private String error;
  private boolean replied;
  private transient Requests.View view;

  /** The signed-in citizen's request; 404 for anything else. */
  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    try {
      view = requests.forCitizen(getRef(), Citizens.subject().orElse(null));
    } catch (ProblemException e) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  /** Following without an account: reference and tracking code. */
  public void track() {
    error = null;
    if (!limiter.allow(
        "track", host.town().orElseThrow().id(), Citizens.request().getRemoteAddr())) {
      error = text(new ProblemException(429, "request-rate-limited"));
      return;
    }
    try {
      view = requests.tracked(ref == null ? "" : ref.strip(), code);
      tracked = true;
    } catch (ProblemException e) {
      error = text(e);
      view = null;
    }
  }

  public void reply() throws IOException {
    error = null;
    Requests.Upload upload = null;
    if (replyFile != null && replyFile.getSize() > 0) {
      try (InputStream in = replyFile.getInputStream()) {
        upload =
            new Requests.Upload(
                null, replyFile.getSubmittedFileName(), in.readNBytes(12 * 1024 * 1024));
      }
    }
    try {
      requests.reply(
          getRef(), Citizens.subject().orElse(null), Citizens.signedIn().name(), replyText, upload);
      replyText = null;
      replied = true;
      view = requests.forCitizen(getRef(), Citizens.subject().orElse(null));
    } catch (ProblemException e) {
      error = text(e);
      FacesContext.getCurrentInstance().validationFailed();
    } finally {
      replyFile = null;
    }
  }

  private String text(ProblemException e) {
    return Problems.of(e.status(), e.code(), host.locale(), null, e.args()).detail();
  }

  // ---- what the page shows

  public Requests.View getView() {
    if (view == null && getRef() != null && !tracked && Citizens.subject().isPresent()) {
      try {
        view = requests.forCitizen(getRef(), Citizens.subject().get());
      } catch (ProblemException e) {
        return null;
      }
    }
    return view;
  }

  private transient Map<RequestStatus, String> statusLabels;

  private String label(RequestStatus s) {
    if (statusLabels == null) {
      statusLabels = labels.all(host.locale());
    }
    return statusLabels.get(s);
  }

  public String getStatusLabel() {
    return label(getView().demande().status());
  }

  public boolean isOpen() {
    RequestStatus s = getView().demande().status();
    return !s.closed() && s != RequestStatus.DRAFT;
  }

  public List<FormSchema.Answer> getAnswers() {
    return getView()
        .type()
        .form()
        .answers(FormData.parse(getView().demande().formData()), host.locale());
  }

  public String eventLabel(DemandeEvent e) {
    String lang = host.locale().getLanguage();
    return fr.cite.portal.web.PortalPage.text("request.event." + e.kind().name())
        + e.toStatus()
            .filter(s -> e.kind() == DemandeEvent.Kind.STATUS)
            .map(s -> " : " + label(s))
            .orElse("")
        + (e.actor() == DemandeEvent.Actor.AGENT && !"en".equals(lang)
            ? " (mairie)"
            : e.actor() == DemandeEvent.Actor.AGENT ? " (town hall)" : "");
  }

  public String date(java.time.Instant at) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", host.locale())
        .withZone(PARIS)
        .format(at);
  }

  public List<Requests.AttachmentInfo> filesOf(DemandeEvent e) {
    return getView().attachments().stream().filter(a -> e.id().equals(a.eventId())).toList();
  }

  public List<Requests.AttachmentInfo> getFormFiles() {
    return getView().attachments().stream().filter(a -> a.eventId() == null).toList();
  }

  public String size(int bytes) {
    return bytes < 1024 * 1024
        ? (bytes / 1024 + 1) + " Ko"
        : String.format(host.locale(), "%.1f Mo", bytes / 1048576.0);
  }

  // ---- properties

  /** From the address or the reply form's hidden field (see {@link RequestForm#getType()}). */
  public String getRef() {
    if (ref == null) {
      String p = Citizens.request().getParameter("ref");
      ref = p == null || p.isBlank() ? null : p;
    }
    return ref;
  }

  /** Set from the address (or the tracking form); a postback without it keeps it. */
  public void setRef(String ref) {
    if (ref != null) {
      this.ref = ref;
    }
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public boolean isTracked() {
    return tracked;
  }

  public String getReplyText() {
    return replyText;
  }

  public void setReplyText(String replyText) {
    this.replyText = replyText;
  }

  public Part getReplyFile() {
    return replyFile;
  }

  public void setReplyFile(Part replyFile) {
    this.replyFile = replyFile;
  }

  public String getError() {
    return error;
  }

  public boolean isReplied() {
    return replied;
  }
}
