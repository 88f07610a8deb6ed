package fr.cite.admin.incidents;

import fr.cite.admin.web.ConsoleFaces;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.incidents.api.IncidentAdminResource;
import fr.cite.platform.incidents.api.IncidentBodies;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.incidents.application.Open311Keys;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A town administrator's page for what residents report in: the category tree (a category's
 * settings edited and validated as the API validates them), the public message each category sends
 * per status (the agents' message replaces it when they write one), and the Open311 keys the town
 * issues to partner applications (shown once, revoked in one click).
 */
@Named("incidentCategories")
@ViewScoped
public class IncidentCategories implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Inject transient IncidentSetup setup;

  @Inject transient Open311Keys keys;

  @Inject transient AuditLog audit;

  /** The category being edited: its code, or null for a new one. */
  private String editing;

  /** Whether the category form is open (editing one, or a new one). */
  private boolean shown;

  private String code;
  private String parent;
  private String nameFr;
  private String nameEn;
  private boolean isPublic = true;
  private boolean photoRequired;
  private Integer duplicateRadius = 50;
  private boolean reopenAllowed = true;
  private Integer expectedDays;
  private String messageFr;
  private String messageEn;
  private String service;
  private Integer position = 0;

  /** The edited category's templates: one row per status. */
  private List<TemplateRow> templates = new ArrayList<>();

  private String keyName;
  private String issuedKey;

  private transient List<IncidentSetup.Category> categories;
  private transient List<IncidentSetup.Service> services;
  private transient List<Open311Keys.Key> issuedKeys;

  /** A status's public message for the edited category (empty: none). */
  public static class TemplateRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final IncidentStatus status;
    private String fr;
    private String en;

    TemplateRow(IncidentStatus status, String fr, String en) {
      this.status = status;
      this.fr = fr;
      this.en = en;
    }

    public IncidentStatus getStatus() {
      return status;
    }

    public String getFr() {
      return fr;
    }

    public void setFr(String fr) {
      this.fr = fr;
    }

    public String getEn() {
      return en;
    }

    public void setEn(String en) {
      this.en = en;
    }
  }

  // ---- the tree

  public List<IncidentSetup.Category> getCategories() {
    if (categories == null) {
      categories = setup.categories();
    }
    return categories;
  }

  /** The tree in reading order: each main category followed by its own. */
  public List<IncidentSetup.Category> getTree() {
    List<IncidentSetup.Category> all = getCategories();
    List<IncidentSetup.Category> ordered = new ArrayList<>();
    for (IncidentSetup.Category main : all) {
      if (main.parentId() == null) {
        ordered.add(main);
        all.stream()
            .filter(c -> c.parentId() != null && c.parentId() == main.id())
            .forEach(ordered::add);
      }
    }
    return ordered;
  }

  /** The main categories a new one may go under (not the edited one itself). */
  public List<IncidentSetup.Category> getMains() {
    return getCategories().stream()
        .filter(c -> c.parentId() == null && !c.code().equals(editing))
        .toList();
  }

  /** Read once per view (each category row names its service), again after a service is saved. */
  public List<IncidentSetup.Service> getServices() {
    if (services == null) {
      services = setup.services();
    }
    return services;
  }

  public String serviceName(Long id) {
    return id == null
        ? "—"
        : getServices().stream()
            .filter(s -> s.id() == id)
            .map(s -> s.name(ConsoleFaces.locale().getLanguage()))
            .findFirst()
            .orElse("—");
  }

  /** The category's own fields, by their labels (set through the API for now). */
  public String fieldNames(IncidentSetup.Category c) {
    var fields = c.form().fields();
    return fields.isEmpty()
        ? "—"
        : String.join(", ", fields.stream().map(f -> f.label(ConsoleFaces.locale())).toList());
  }

  public String name(IncidentSetup.Category c) {
    return c.name(ConsoleFaces.locale().getLanguage());
  }

  public String label(IncidentStatus s) {
    return s.label(ConsoleFaces.locale().getLanguage());
  }

  public void edit(String categoryCode) {
    Optional<IncidentSetup.Category> found =
        getCategories().stream().filter(c -> c.code().equals(categoryCode)).findFirst();
    if (found.isEmpty()) {
      ConsoleFaces.error(ConsoleFaces.text("inccat.unknown"));
      return;
    }
    IncidentSetup.Category c = found.get();
    editing = c.code();
    code = c.code();
    parent =
        c.parentId() == null
            ? null
            : getCategories().stream()
                .filter(p -> p.id() == c.parentId())
                .map(IncidentSetup.Category::code)
                .findFirst()
                .orElse(null);
    nameFr = c.nameFr();
    nameEn = c.nameEn();
    isPublic = c.isPublic();
    photoRequired = c.photoRequired();
    duplicateRadius = c.duplicateRadiusM();
    reopenAllowed = c.reopenAllowed();
    expectedDays = c.expectedDays();
    messageFr = c.messageFr();
    messageEn = c.messageEn();
    service =
        c.defaultServiceId() == null
            ? null
            : getServices().stream()
                .filter(s -> s.id() == c.defaultServiceId())
                .map(IncidentSetup.Service::code)
                .findFirst()
                .orElse(null);
    position = c.position();
    Map<IncidentStatus, String[]> saved = setup.templates(c.id());
    templates = new ArrayList<>();
    for (IncidentStatus s : IncidentStatus.values()) {
      if (s == IncidentStatus.NEW) {
        continue;
      }
      String[] t = saved.get(s);
      templates.add(new TemplateRow(s, t == null ? null : t[0], t == null ? null : t[1]));
    }
    issuedKey = null;
    shown = true;
  }

  public void startNew() {
    shown = true;
    editing = null;
    code = null;
    parent = null;
    nameFr = null;
    nameEn = null;
    isPublic = true;
    photoRequired = false;
    duplicateRadius = 50;
    reopenAllowed = true;
    expectedDays = null;
    messageFr = null;
    messageEn = null;
    service = null;
    position = 0;
    templates = new ArrayList<>();
  }

  public boolean isCreating() {
    return editing == null;
  }

  public boolean isShown() {
    return shown;
  }

  /** Saves the category as the API would: its constraints first, then the tree's rules. */
  public void save() {
    String target = editing != null ? editing : code == null ? "" : code.strip();
    if (!target.matches(IncidentBodies.CODE)) {
      ConsoleFaces.error(
          ConsoleFaces.text("inccat.code") + " : " + ConsoleFaces.text("inccat.badCode"));
      return;
    }
    if (editing == null && getCategories().stream().anyMatch(c -> c.code().equals(target))) {
      ConsoleFaces.error(ConsoleFaces.text("inccat.codeTaken", target));
      return;
    }
    IncidentBodies.Category body =
        new IncidentBodies.Category(
            blankToNull(parent),
            nameFr,
            blankToNull(nameEn),
            isPublic,
            photoRequired,
            duplicateRadius,
            reopenAllowed,
            expectedDays,
            blankToNull(messageFr),
            blankToNull(messageEn),
            blankToNull(service),
            position,
            null);
    if (!ConsoleFaces.valid(body, f -> ConsoleFaces.text("inccat.field." + f))) {
      return;
    }
    try {
      boolean created = setup.saveCategory(target, IncidentAdminResource.input(body));
      audit.recordTownStaff(
          created ? "incident.category.created" : "incident.category.changed", target, nameFr);
      categories = null;
      ConsoleFaces.info(ConsoleFaces.text("inccat.saved", nameFr.strip()));
      edit(target);
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  /** Saves the templates of the edited category: an emptied French text removes its template. */
  public void saveTemplates() {
    if (editing == null) {
      return;
    }
    long categoryId =
        getCategories().stream()
            .filter(c -> c.code().equals(editing))
            .findFirst()
            .map(IncidentSetup.Category::id)
            .orElseThrow();
    for (TemplateRow t : templates) {
      if (t.fr == null || t.fr.isBlank()) {
        if (t.en != null && !t.en.isBlank()) {
          ConsoleFaces.error(ConsoleFaces.text("inccat.templateFrench", label(t.status)));
          return;
        }
        continue;
      }
      if (!ConsoleFaces.valid(
          new IncidentBodies.Template(t.fr, blankToNull(t.en)),
          f -> label(t.status) + " (" + ConsoleFaces.text("inccat.field." + f) + ")")) {
        return;
      }
    }
    for (TemplateRow t : templates) {
      if (t.fr == null || t.fr.isBlank()) {
        setup.deleteTemplate(categoryId, t.status);
      } else {
        setup.saveTemplate(editing, t.status, t.fr.strip(), blankToNull(t.en));
      }
    }
    audit.recordTownStaff("incident.templates.changed", editing, null);
    ConsoleFaces.info(ConsoleFaces.text("inccat.templatesSaved"));
  }

  // ---- services

  private String serviceEditing;
  private boolean serviceShown;
  private String serviceCode;
  private String serviceNameFr;
  private String serviceNameEn;
  private String serviceEmail;
  private String serviceAgents;
  private transient java.util.Map<Long, List<String>> agents;

  /** The agents of a service, as the table shows them. */
  public String agentsOf(IncidentSetup.Service s) {
    if (agents == null) {
      agents = setup.agents();
    }
    List<String> mine = agents.getOrDefault(s.id(), List.of());
    return mine.isEmpty() ? "—" : String.join(", ", mine);
  }

  public void editService(String code) {
    IncidentSetup.Service s = setup.service(code).orElse(null);
    if (s == null) {
      ConsoleFaces.error(ConsoleFaces.text("inccat.unknown"));
      return;
    }
    serviceEditing = s.code();
    serviceCode = s.code();
    serviceNameFr = s.nameFr();
    serviceNameEn = s.nameEn();
    serviceEmail = s.email();
    String listed = agentsOf(s);
    serviceAgents = "—".equals(listed) ? "" : listed;
    serviceShown = true;
  }

  public void newService() {
    serviceEditing = null;
    serviceCode = null;
    serviceNameFr = null;
    serviceNameEn = null;
    serviceEmail = null;
    serviceAgents = null;
    serviceShown = true;
  }

  /** Saves a service and its agents as the API would (its constraints, then the code's form). */
  public void saveService() {
    String target =
        serviceEditing != null ? serviceEditing : serviceCode == null ? "" : serviceCode.strip();
    if (!target.matches("[a-z0-9-]{2,40}")) {
      ConsoleFaces.error(
          ConsoleFaces.text("inccat.code") + " : " + ConsoleFaces.text("inccat.badCode"));
      return;
    }
    List<String> emails =
        serviceAgents == null
            ? List.of()
            : java.util.Arrays.stream(serviceAgents.split("[,;\\s]+"))
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .toList();
    IncidentBodies.Service body =
        new IncidentBodies.Service(
            serviceNameFr, blankToNull(serviceNameEn), blankToNull(serviceEmail), emails);
    if (!ConsoleFaces.valid(
        body, f -> ConsoleFaces.text("incsvc.field." + f.replaceAll("\\[.*", "")))) {
      return;
    }
    try {
      boolean created =
          setup.saveService(target, body.nameFr().strip(), body.nameEn(), body.email());
      setup.setAgents(target, emails);
      audit.recordTownStaff(
          created ? "incident.service.created" : "incident.service.changed", target, serviceNameFr);
      agents = null;
      services = null;
      ConsoleFaces.info(ConsoleFaces.text("incsvc.saved", serviceNameFr.strip()));
      editService(target);
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  public boolean isServiceShown() {
    return serviceShown;
  }

  public boolean isServiceCreating() {
    return serviceEditing == null;
  }

  public String getServiceCode() {
    return serviceCode;
  }

  public void setServiceCode(String serviceCode) {
    this.serviceCode = serviceCode;
  }

  public String getServiceNameFr() {
    return serviceNameFr;
  }

  public void setServiceNameFr(String serviceNameFr) {
    this.serviceNameFr = serviceNameFr;
  }

  public String getServiceNameEn() {
    return serviceNameEn;
  }

  public void setServiceNameEn(String serviceNameEn) {
    this.serviceNameEn = serviceNameEn;
  }

  public String getServiceEmail() {
    return serviceEmail;
  }

  public void setServiceEmail(String serviceEmail) {
    this.serviceEmail = serviceEmail;
  }

  public String getServiceAgents() {
    return serviceAgents;
  }

  public void setServiceAgents(String serviceAgents) {
    this.serviceAgents = serviceAgents;
  }

  // ---- Open311 keys

  public List<Open311Keys.Key> getKeys() {
    if (issuedKeys == null) {
      issuedKeys = keys.keys();
    }
    return issuedKeys;
  }

  public String when(java.time.Instant i) {
    return i == null ? "" : WHEN.format(i.atZone(ConsoleFaces.PARIS));
  }

  public void issueKey() {
    IncidentBodies.ApiKey body = new IncidentBodies.ApiKey(keyName);
    if (!ConsoleFaces.valid(body, f -> ConsoleFaces.text("inccat.keyName"))) {
      return;
    }
    Open311Keys.Issued issued = keys.issue(keyName.strip());
    audit.recordTownStaff("incident.open311-key.issued", String.valueOf(issued.id()), keyName);
    issuedKey = issued.key();
    issuedKeys = null;
    ConsoleFaces.info(ConsoleFaces.text("inccat.keyIssued", keyName.strip()));
    keyName = null;
  }

  public void revokeKey(long id) {
    try {
      keys.revoke(id);
      issuedKeys = null;
      audit.recordTownStaff("incident.open311-key.revoked", String.valueOf(id), null);
      ConsoleFaces.info(ConsoleFaces.text("inccat.keyRevoked"));
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---- form fields

  public String getEditing() {
    return editing;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }

  public String getNameFr() {
    return nameFr;
  }

  public void setNameFr(String nameFr) {
    this.nameFr = nameFr;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public boolean isPublic() {
    return isPublic;
  }

  public boolean getIsPublic() {
    return isPublic;
  }

  public void setIsPublic(boolean isPublic) {
    this.isPublic = isPublic;
  }

  public boolean isPhotoRequired() {
    return photoRequired;
  }

  public void setPhotoRequired(boolean photoRequired) {
    this.photoRequired = photoRequired;
  }

  public Integer getDuplicateRadius() {
    return duplicateRadius;
  }

  public void setDuplicateRadius(Integer duplicateRadius) {
    this.duplicateRadius = duplicateRadius;
  }

  public boolean isReopenAllowed() {
    return reopenAllowed;
  }

  public void setReopenAllowed(boolean reopenAllowed) {
    this.reopenAllowed = reopenAllowed;
  }

  public Integer getExpectedDays() {
    return expectedDays;
  }

  public void setExpectedDays(Integer expectedDays) {
    this.expectedDays = expectedDays;
  }

  public String getMessageFr() {
    return messageFr;
  }

  public void setMessageFr(String messageFr) {
    this.messageFr = messageFr;
  }

  public String getMessageEn() {
    return messageEn;
  }

  public void setMessageEn(String messageEn) {
    this.messageEn = messageEn;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }

  public List<TemplateRow> getTemplates() {
    return templates;
  }

  public String getKeyName() {
    return keyName;
  }

  public void setKeyName(String keyName) {
    this.keyName = keyName;
  }

  public String getIssuedKey() {
    return issuedKey;
  }
}
