package fr.cite.admin.desk;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestDesk;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.application.StatusLabels;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FormData;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One request in the town console: the citizen's answers and files, the whole history with the
 * internal notes, taking it, moving it on with a message the citizen receives by e-mail, notes and
 * messages.
 */
@Named("requestFile")
@ViewScoped
public class RequestFile implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

  @Inject RequestDesk desk;

  @Inject StatusLabels labels;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  private String ref;
  private RequestStatus newStatus;
  private String message;
  private String note;

  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    try {
      desk.detail(ref == null ? "" : ref);
    } catch (ProblemException e) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  private final fr.cite.admin.web.RenderMemo<Requests.View> view =
      new fr.cite.admin.web.RenderMemo<>();

  /** The request, read once per render (the page shows a dozen parts of it). */
  public Requests.View getView() {
    return view.get(() -> desk.detail(ref));
  }

  public String statusLabel(RequestStatus s) {
    return labels.label(s, host.locale());
  }

  public List<RequestStatus> getMoves() {
    return new ArrayList<>(getView().demande().status().agentMoves());
  }

  public List<FormSchema.Answer> getAnswers() {
    return getView()
        .type()
        .form()
        .answers(FormData.parse(getView().demande().formData()), host.locale());
  }

  public String at(java.time.Instant i) {
    return i == null ? "" : AT.format(i);
  }

  public String eventLabel(DemandeEvent e) {
    String base = ConsoleMessages.text("desk.event." + e.kind().name());
    return base
        + e.toStatus()
            .filter(s -> e.kind() == DemandeEvent.Kind.STATUS)
            .map(s -> " → " + statusLabel(s))
            .orElse("");
  }

  public String fileUrl(Requests.AttachmentInfo a) {
    return "fichier?ref=" + ref + "&id=" + a.id();
  }

  public void takeIt() {
    run(
        () ->
            desk.assign(
                ref,
                caller.requireSubject(),
                caller.displayName().orElse(null),
                caller.displayName().orElse(null)),
        "desk.taken");
  }

  public void move() {
    run(
        () -> desk.changeStatus(ref, newStatus, message, caller.displayName().orElse(null)),
        "desk.moved");
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      message = null;
      newStatus = null;
    }
  }

  public void addNote() {
    run(() -> desk.note(ref, note, caller.displayName().orElse(null)), "desk.noted");
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      note = null;
    }
  }

  public void sendMessage() {
    run(
        () -> desk.message(ref, message, null, caller.displayName().orElse(null)),
        "desk.messageSent");
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      message = null;
    }
  }

  private void run(Runnable action, String done) {
    try {
      action.run();
      ConsoleMessages.info(done, null);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    if (ref != null) {
      this.ref = ref;
    }
  }

  public RequestStatus getNewStatus() {
    return newStatus;
  }

  public void setNewStatus(RequestStatus newStatus) {
    this.newStatus = newStatus;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
