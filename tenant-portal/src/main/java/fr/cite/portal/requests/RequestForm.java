package fr.cite.portal.requests;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestCatalog;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.application.SubmissionLimiter;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FieldType;
import fr.cite.platform.requests.domain.FormData;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's form on the portal, drawn from its type's schema: plain labelled fields, errors next
 * to each field and summed up at the top (with links to the fields), a draft saved for later (with
 * an account), and the reference shown once sent (with the tracking code without an account). The
 * server checks everything again; the browser's own checks are only comfort. Stateless, like every
 * portal page: the type and the draft travel in the form itself.
 */
@Named("requestForm")
@RequestScoped
public class RequestForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject RequestCatalog catalog;

  @Inject Requests requests;

  @Inject RequestHost host;

  @Inject SubmissionLimiter limiter;

  private String type;
  private Long draftId;
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, List<String>> multi = new HashMap<>();
  private transient Map<String, Part> files = new HashMap<>();
  private String contactName;
  private String contactEmail;
  private String contactPhone;
  private final Map<String, String> errors = new LinkedHashMap<>();
  private String globalError;
  private String reference;
  private String trackingCode;
  private boolean draftSaved;

  /** Loads the type (404 when the town has no such online service) and a draft to complete. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    boolean withoutAccount = isWithoutAccount();
    try {
      if (getDraftId() != null && !withoutAccount) {
        Requests.View draft = requests.draft(getDraftId(), Citizens.subject().orElse(null));
        type = draft.type().slug();
        FormData.parse(draft.demande().formData())
            .forEach(
                (k, v) -> {
                  values.put(k, "true".equals(v.get(0)) ? (Object) Boolean.TRUE : v.get(0));
                  multi.put(k, new ArrayList<>(v));
                });
      }
      RequestType t = catalog.requireActive(getType() == null ? "" : getType());
      if (withoutAccount && !t.anonymous()) {
        faces
            .getExternalContext()
            .redirect(
                faces.getExternalContext().getRequestContextPath()
                    + "/compte/demandes/nouvelle/"
                    + t.slug());
      }
    } catch (ProblemException e) {
      faces.getExternalContext().responseSendError(404, "");
      faces.responseComplete();
    }
  }

  private RequestType requestType;
  private List<FormSchema.Field> fields;

  /** The type, read once per request. */
  public RequestType getRequestType() {
    if (requestType == null && getType() != null) {
      requestType = catalog.type(getType()).orElse(null);
    }
    return requestType;
  }

  public List<FormSchema.Field> getFields() {
    if (fields == null) {
      RequestType t = getRequestType();
      fields = t == null ? List.of() : t.form().fields();
    }
    return fields;
  }

  public String label(FormSchema.Field f) {
    return f.label(host.locale());
  }

  public String optionLabel(FormSchema.Option o) {
    return o.label().in(host.locale());
  }

  /** The HTML input type of a simple field. */
  public String inputType(FormSchema.Field f) {
    return switch (f.type()) {
      case EMAIL -> "email";
      case PHONE -> "tel";
      case DATE -> "date";
      case NUMBER -> "text";
      default -> "text";
    };
  }

  public String autocomplete(FormSchema.Field f) {
    return switch (f.type()) {
      case EMAIL -> "email";
      case PHONE -> "tel";
      case ADDRESS -> "street-address";
      default -> "off";
    };
  }

  public void submit() throws IOException {
    send(false);
  }

  public void saveDraft() throws IOException {
    send(true);
  }

  private void send(boolean draft) throws IOException {
    errors.clear();
    globalError = null;
    FacesContext faces = FacesContext.getCurrentInstance();
    Demande.Citizen citizen;
    boolean withoutAccount = isWithoutAccount();
    if (withoutAccount) {
      if (!limiter.allow(
          "file", host.town().orElseThrow().id(), Citizens.request().getRemoteAddr())) {
        globalError = problemText(new ProblemException(429, "request-rate-limited"));
        return;
      }
      citizen =
          new Demande.Citizen(null, blank(contactName), blank(contactEmail), blank(contactPhone));
    } else {
      citizen = Citizens.signedIn();
    }
    Map<String, List<String>> sent = new LinkedHashMap<>();
    for (FormSchema.Field f : getFields()) {
      if (f.type() == FieldType.MULTI_CHOICE) {
        sent.put(f.name(), multi.getOrDefault(f.name(), List.of()));
      } else if (values.get(f.name()) != null) {
        Object v = values.get(f.name());
        sent.put(
            f.name(),
            List.of(v instanceof Boolean bool ? (bool ? "true" : "") : String.valueOf(v)));
      }
    }
    List<Requests.Upload> uploads = new ArrayList<>();
    for (var e : files().entrySet()) {
      Part p = e.getValue();
      if (p != null && p.getSize() > 0) {
        try (InputStream in = p.getInputStream()) {
          uploads.add(
              new Requests.Upload(
                  e.getKey(), p.getSubmittedFileName(), in.readNBytes(12 * 1024 * 1024)));
        }
      }
    }
    try {
      Requests.Filed filed =
          requests.file(
              new Requests.Filing(
                  getType(),
                  citizen,
                  RequestChannel.WEB,
                  sent,
                  uploads,
                  draft,
                  getDraftId(),
                  DemandeEvent.Actor.CITIZEN,
                  citizen.name(),
                  host.locale().getLanguage()));
      files = new HashMap<>();
      if (draft) {
        draftId = filed.demande().id();
        draftSaved = true;
        return;
      }
      reference = filed.demande().reference().orElseThrow();
      trackingCode = filed.trackingCode();
      if (!withoutAccount) {
        ExternalContext external = faces.getExternalContext();
        external.getFlash().put("nouvelle", reference);
        external.redirect(external.getRequestContextPath() + "/compte/demandes/" + reference);
      }
    } catch (ProblemException e) {
      if (!e.fieldProblems().isEmpty()) {
        e.fieldProblems().forEach(p -> errors.put(p.field(), p.message(host.locale())));
      } else {
        globalError = problemText(e);
      }
      faces.validationFailed();
    }
  }

  private String problemText(ProblemException e) {
    return fr.cite.platform.problem.Problems.of(e.status(), e.code(), host.locale(), null, e.args())
        .detail();
  }

  private Map<String, Part> files() {
    if (files == null) {
      files = new HashMap<>();
    }
    return files;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String fieldLabel(String field) {
    if ("email".equals(field) && isWithoutAccount()) {
      return fr.cite.portal.web.PortalPage.text("request.contactEmail");
    }
    return getFields().stream()
        .filter(f -> f.name().equals(field))
        .findFirst()
        .map(this::label)
        .orElse(field);
  }

  // ---- properties

  /**
   * The type from the address or the form's hidden field: read from the request itself, because the
   * fields (which depend on it) are decoded before view parameters reach the bean.
   */
  public String getType() {
    if (type == null) {
      String p = Citizens.request().getParameter("type");
      type = p == null || p.isBlank() ? null : p;
    }
    return type;
  }

  /** Set from the address; a postback (whose action URL has no parameters) keeps it. */
  public void setType(String type) {
    if (type != null) {
      this.type = type;
    }
  }

  public Long getDraftId() {
    if (draftId == null) {
      String p = Citizens.request().getParameter("brouillon");
      if (p != null && p.matches("[0-9]{1,18}")) {
        draftId = Long.valueOf(p);
      }
    }
    return draftId;
  }

  public void setDraftId(Long draftId) {
    if (draftId != null) {
      this.draftId = draftId;
    }
  }

  /** The form without account is the one outside {@code /compte/}. */
  public boolean isWithoutAccount() {
    return !FacesContext.getCurrentInstance().getViewRoot().getViewId().startsWith("/compte/");
  }

  public Map<String, Object> getValues() {
    return values;
  }

  public Map<String, List<String>> getMulti() {
    return multi;
  }

  public Map<String, Part> getFiles() {
    return files();
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public List<String> getErrorFields() {
    return new ArrayList<>(errors.keySet());
  }

  public String getGlobalError() {
    return globalError;
  }

  public String getReference() {
    return reference;
  }

  public String getTrackingCode() {
    return trackingCode;
  }

  public boolean isDraftSaved() {
    return draftSaved;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String v) {
    contactName = v;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String v) {
    contactEmail = v;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String v) {
    contactPhone = v;
  }
}
