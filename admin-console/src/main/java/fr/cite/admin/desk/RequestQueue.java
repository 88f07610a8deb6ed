package fr.cite.admin.desk;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.admin.web.PagedList;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestCatalog;
import fr.cite.platform.requests.application.RequestDesk;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FieldType;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.RequestChannel;
import fr.cite.platform.requests.domain.RequestService;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests queue of the town console: open requests by default, filtered by service, type,
 * status, age and assignee, sorted and paged by the database; and a request filed on behalf of a
 * citizen who called, came or wrote (its channel recorded).
 */
@Named("requestQueue")
@ViewScoped
public class RequestQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

  @Inject RequestDesk desk;

  @Inject RequestCatalog catalog;

  @Inject Requests requests;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  private Long serviceId;
  private Long typeId;
  private RequestStatus status;
  private boolean openOnly = true;
  private Integer olderThanDays;
  private String assignee;
  private String text;

  // filing on behalf
  private String newType;
  private RequestChannel channel = RequestChannel.PHONE;
  private String contactName;
  private String contactEmail;
  private String contactPhone;
  private final Map<String, String> values = new HashMap<>();

  private final PagedList<RequestDesk.QueueRow> rows =
      new PagedList<>(
          () -> desk.count(filter()),
          (first, size, field, ascending) ->
              desk.queue(
                  filter(),
                  field == null ? "submittedAt" : field,
                  field == null || ascending,
                  first,
                  size),
          RequestDesk.QueueRow::reference);

  private RequestDesk.QueueFilter filter() {
    String who = "me".equals(assignee) ? caller.subject().orElse("?") : assignee;
    return new RequestDesk.QueueFilter(
        serviceId, typeId, status, openOnly && status == null, olderThanDays, who, text);
  }

  public String at(java.time.Instant instant) {
    return instant == null ? "" : AT.format(instant);
  }

  public long ageInDays(java.time.Instant submitted) {
    return submitted == null
        ? 0
        : java.time.Duration.between(submitted, java.time.Instant.now()).toDays();
  }

  public List<RequestType> getTypes() {
    return catalog.allTypes();
  }

  public List<RequestService> getServices() {
    return catalog.services();
  }

  public List<RequestStatus> getStatuses() {
    return List.of(
        RequestStatus.SUBMITTED,
        RequestStatus.IN_PROGRESS,
        RequestStatus.WAITING,
        RequestStatus.DONE,
        RequestStatus.REJECTED);
  }

  public List<RequestChannel> getChannels() {
    return List.of(RequestChannel.PHONE, RequestChannel.COUNTER, RequestChannel.MAIL);
  }

  /** Fields of the type chosen for a request filed on behalf (files are for the citizen's side). */
  public List<FormSchema.Field> getNewFields() {
    return newType == null
        ? List.of()
        : catalog
            .type(newType)
            .map(t -> t.form().fields().stream().filter(f -> f.type() != FieldType.FILE).toList())
            .orElse(List.of());
  }

  public String label(FormSchema.Field f) {
    return f.label(host.locale());
  }

  public void fileOnBehalf() throws IOException {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            sent.put(k, List.of(v));
          }
        });
    try {
      Requests.Filed filed =
          requests.file(
              new Requests.Filing(
                  newType,
                  new Demande.Citizen(
                      null, blank(contactName), blank(contactEmail), blank(contactPhone)),
                  channel,
                  sent,
                  List.of(),
                  false,
                  null,
                  DemandeEvent.Actor.AGENT,
                  caller.displayName().orElse(null),
                  "fr"));
      var external = FacesContext.getCurrentInstance().getExternalContext();
      external.getFlash().setKeepMessages(true);
      ConsoleMessages.info("desk.filed", filed.demande().reference().orElse(""));
      external.redirect(
          external.getRequestContextPath()
              + "/desk/request.xhtml?ref="
              + filed.demande().reference().orElse(""));
    } catch (ProblemException e) {
      if (!e.fieldProblems().isEmpty()) {
        FacesContext.getCurrentInstance().validationFailed();
        e.fieldProblems()
            .forEach(
                p ->
                    FacesContext.getCurrentInstance()
                        .addMessage(
                            null,
                            new jakarta.faces.application.FacesMessage(
                                jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                                fieldLabel(p.field()) + " : " + p.message(host.locale()),
                                null)));
      } else {
        ConsoleMessages.problem(e, host.locale());
      }
    }
  }

  private String fieldLabel(String field) {
    return catalog
        .type(newType == null ? "" : newType)
        .flatMap(t -> t.form().field(field))
        .map(this::label)
        .orElse(field);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---- properties

  public PagedList<RequestDesk.QueueRow> getRows() {
    return rows;
  }

  public Long getServiceId() {
    return serviceId;
  }

  public void setServiceId(Long serviceId) {
    this.serviceId = serviceId;
  }

  public Long getTypeId() {
    return typeId;
  }

  public void setTypeId(Long typeId) {
    this.typeId = typeId;
  }

  public RequestStatus getStatus() {
    return status;
  }

  public void setStatus(RequestStatus status) {
    this.status = status;
  }

  public boolean isOpenOnly() {
    return openOnly;
  }

  public void setOpenOnly(boolean openOnly) {
    this.openOnly = openOnly;
  }

  public Integer getOlderThanDays() {
    return olderThanDays;
  }

  public void setOlderThanDays(Integer olderThanDays) {
    this.olderThanDays = olderThanDays;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getNewType() {
    return newType;
  }

  public void setNewType(String newType) {
    this.newType = newType;
  }

  public RequestChannel getChannel() {
    return channel;
  }

  public void setChannel(RequestChannel channel) {
    this.channel = channel;
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

  public Map<String, String> getValues() {
    return values;
  }
}
