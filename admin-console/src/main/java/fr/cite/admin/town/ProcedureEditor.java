package fr.cite.admin.town;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.catalogue.api.CatalogueAdminResource;
import fr.cite.platform.catalogue.api.ProcedureRequest;
import fr.cite.platform.catalogue.application.CatalogueAdminQueries;
import fr.cite.platform.catalogue.application.CatalogueEditing;
import fr.cite.platform.catalogue.application.PreviewTokens;
import fr.cite.platform.catalogue.application.ProcedureChanges;
import fr.cite.platform.catalogue.domain.ChannelKind;
import fr.cite.platform.catalogue.domain.ChannelSpec;
import fr.cite.platform.catalogue.domain.Procedure;
import fr.cite.platform.catalogue.domain.Slug;
import fr.cite.platform.communes.Slugs;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.problem.ValidationExceptionMapper;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One procedure in the town console, edited as a whole: what it says (rich text, sanitised on
 * save), the three boxes citizens see (channels, more information with useful links, related
 * procedures) edited in place, themes and profiles, published or draft, featured rank; a preview
 * link opens the portal's page as citizens will see it, drafts included. Validated by the same
 * rules as the API, with messages in the console's language.
 */
@Named("procedureEditor")
@ViewScoped
public class ProcedureEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A label and an address, as the form edits them: a useful link, and the base of a channel. */
  public static class LinkForm implements Serializable {
    private static final long serialVersionUID = 1L;
    String labelFr;
    String labelEn;
    String url;

    public String getLabelFr() {
      return labelFr;
    }

    public void setLabelFr(String labelFr) {
      this.labelFr = labelFr;
    }

    public String getLabelEn() {
      return labelEn;
    }

    public void setLabelEn(String labelEn) {
      this.labelEn = labelEn;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }
  }

  /** A channel as the form edits it. */
  public static class ChannelForm extends LinkForm {
    private static final long serialVersionUID = 1L;
    private ChannelKind kind = ChannelKind.COUNTER;
    private String address;
    private String hoursFr;
    private String hoursEn;
    private boolean appointment;
    private String phone;
    private String detailsFr;
    private String detailsEn;

    static ChannelForm of(ChannelSpec s) {
      ChannelForm f = new ChannelForm();
      f.kind = s.kind();
      f.labelFr = fr(s.label());
      f.labelEn = en(s.label());
      f.url = s.url();
      f.address = s.address();
      f.hoursFr = fr(s.hours());
      f.hoursEn = en(s.hours());
      f.appointment = s.appointment();
      f.phone = s.phone();
      f.detailsFr = fr(s.details());
      f.detailsEn = en(s.details());
      return f;
    }

    ProcedureRequest.ChannelRequest request() {
      return new ProcedureRequest.ChannelRequest(
          kind,
          blank(labelFr),
          blank(labelEn),
          blank(url),
          blank(address),
          blank(hoursFr),
          blank(hoursEn),
          appointment,
          blank(phone),
          blank(detailsFr),
          blank(detailsEn));
    }

    public ChannelKind getKind() {
      return kind;
    }

    public void setKind(ChannelKind kind) {
      this.kind = kind;
    }

    public String getAddress() {
      return address;
    }

    public void setAddress(String address) {
      this.address = address;
    }

    public String getHoursFr() {
      return hoursFr;
    }

    public void setHoursFr(String hoursFr) {
      this.hoursFr = hoursFr;
    }

    public String getHoursEn() {
      return hoursEn;
    }

    public void setHoursEn(String hoursEn) {
      this.hoursEn = hoursEn;
    }

    public boolean isAppointment() {
      return appointment;
    }

    public void setAppointment(boolean appointment) {
      this.appointment = appointment;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }

    public String getDetailsFr() {
      return detailsFr;
    }

    public void setDetailsFr(String detailsFr) {
      this.detailsFr = detailsFr;
    }

    public String getDetailsEn() {
      return detailsEn;
    }

    public void setDetailsEn(String detailsEn) {
      this.detailsEn = detailsEn;
    }
  }

  @Inject CatalogueAdminQueries queries;

  @Inject CatalogueEditing editing;

  @Inject PreviewTokens previews;

  @Inject RequestHost host;

  @Inject AuditLog audit;

  private String slug;
  private boolean creating = true;
  private String newSlug;
  private String titleFr;
  private String titleEn;
  private String summaryFr;
  private String summaryEn;
  private String bodyFr;
  private String bodyEn;
  private String keywords;
  private String documentsFr;
  private String documentsEn;
  private String costFr;
  private String costEn;
  private String delayFr;
  private String delayEn;
  private String contactFr;
  private String contactEn;
  private List<String> themes = new ArrayList<>();
  private List<String> profiles = new ArrayList<>();
  private List<String> related = new ArrayList<>();
  private boolean published;
  private Integer editorialRank;
  private List<ChannelForm> channels = new ArrayList<>();
  private List<LinkForm> links = new ArrayList<>();

  /** Loads the procedure named by {@code ?slug=}; a new one without it; 404 for an unknown one. */
  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    if (slug == null || slug.isBlank()) {
      creating = true;
      return;
    }
    var found =
        Slug.isValid(slug)
            ? queries.procedure(slug)
            : java.util.Optional.<CatalogueAdminQueries.EditableProcedure>empty();
    if (found.isEmpty()) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    creating = false;
    ProcedureChanges c = found.get().changes();
    titleFr = c.content().title().fr();
    titleEn = c.content().title().en();
    summaryFr = c.content().summary().fr();
    summaryEn = c.content().summary().en();
    bodyFr = fr(c.content().body());
    bodyEn = en(c.content().body());
    keywords = c.content().keywords();
    documentsFr = fr(c.content().documents());
    documentsEn = en(c.content().documents());
    costFr = fr(c.content().cost());
    costEn = en(c.content().cost());
    delayFr = fr(c.content().delay());
    delayEn = en(c.content().delay());
    contactFr = fr(c.content().contact());
    contactEn = en(c.content().contact());
    themes = new ArrayList<>(c.themes());
    profiles = new ArrayList<>(c.audiences());
    related = new ArrayList<>(c.related());
    published = c.published();
    editorialRank = c.editorialRank();
    channels = new ArrayList<>(c.channels().stream().map(ChannelForm::of).toList());
    links = new ArrayList<>();
    for (var l : c.links()) {
      LinkForm f = new LinkForm();
      f.labelFr = l.label().fr();
      f.labelEn = l.label().en();
      f.url = l.url();
      links.add(f);
    }
  }

  public void addChannel() {
    channels.add(new ChannelForm());
  }

  public void removeChannel(int index) {
    if (index >= 0 && index < channels.size()) {
      channels.remove(index);
    }
  }

  public void moveChannel(int index, int by) {
    int to = index + by;
    if (index >= 0 && index < channels.size() && to >= 0 && to < channels.size()) {
      channels.add(to, channels.remove(index));
    }
  }

  public void addLink() {
    links.add(new LinkForm());
  }

  public void removeLink(int index) {
    if (index >= 0 && index < links.size()) {
      links.remove(index);
    }
  }

  /** Validates like the API, then saves; a new procedure's page is reloaded under its slug. */
  public void save() throws IOException {
    String target = creating ? proposedSlug() : slug;
    if (target == null || !Slug.isValid(target)) {
      fieldError("slug", ConsoleMessages.text("procedure.badSlug"));
      return;
    }
    ProcedureRequest request = request();
    Set<ConstraintViolation<ProcedureRequest>> violations = validator().validate(request);
    if (!violations.isEmpty()) {
      violations.stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .forEach(
              v ->
                  fieldError(
                      v.getPropertyPath().toString(),
                      ValidationExceptionMapper.message(v, host.locale())));
      return;
    }
    if (creating && queries.procedure(target).isPresent()) {
      fieldError("slug", ConsoleMessages.text("procedure.slugTaken") + " " + target);
      return;
    }
    try {
      boolean created = editing.saveProcedure(target, CatalogueAdminResource.changes(request));
      audit.recordTownStaff(
          created ? "procedure.created" : "procedure.changed",
          target,
          titleFr + " (" + request.status() + ")");
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    ConsoleMessages.info("procedure.saved", titleFr);
    if (creating) {
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/town/procedure.xhtml?slug="
                  + target);
    }
  }

  private static Validator validator() {
    return jakarta.enterprise.inject.spi.CDI.current().select(Validator.class).get();
  }

  private String proposedSlug() {
    String s = newSlug == null || newSlug.isBlank() ? titleFr : newSlug;
    if (s == null || s.isBlank()) {
      return null;
    }
    String folded = Slugs.fold(s);
    return folded.length() > 120 ? folded.substring(0, 120).replaceAll("-+$", "") : folded;
  }

  ProcedureRequest request() {
    return new ProcedureRequest(
        blank(titleFr),
        blank(titleEn),
        blank(summaryFr),
        blank(summaryEn),
        blank(bodyFr),
        blank(bodyEn),
        blank(keywords),
        blank(documentsFr),
        blank(documentsEn),
        blank(costFr),
        blank(costEn),
        blank(delayFr),
        blank(delayEn),
        blank(contactFr),
        blank(contactEn),
        channels.stream().map(ChannelForm::request).toList(),
        links.stream()
            .map(
                l ->
                    new ProcedureRequest.LinkRequest(
                        blank(l.labelFr), blank(l.labelEn), blank(l.url)))
            .toList(),
        List.copyOf(themes),
        List.copyOf(profiles),
        List.copyOf(related),
        published ? Procedure.Status.PUBLISHED : Procedure.Status.DRAFT,
        editorialRank);
  }

  private static void fieldError(String field, String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.validationFailed();
    String label = label(field);
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, label + " : " + message, null));
  }

  /** "channels[1].url" → "Canal 2 — url", in the console's words where the bundle has them. */
  private static String label(String path) {
    String base = path.replaceAll("\\[\\d+]", "").replaceAll("<[^>]+>", "");
    java.util.regex.Matcher index = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(path);
    String position = index.find() ? " " + (Integer.parseInt(index.group(1)) + 1) : "";
    String key = "procedure.field." + base.replace('.', '-');
    String text;
    try {
      text = ConsoleMessages.text(key);
    } catch (java.util.MissingResourceException e) {
      text = base;
    }
    return text + position;
  }

  /** The portal's page of this procedure as citizens will see it, drafts included, for 2 hours. */
  public String getPreviewUrl() {
    if (creating || slug == null) {
      return null;
    }
    long town = host.town().orElseThrow().id();
    return "/demarches/" + slug + "?apercu=" + previews.issue(town, slug);
  }

  public Map<String, String> getProcedureTitles() {
    Map<String, String> all = new java.util.LinkedHashMap<>(queries.procedureTitles());
    all.remove(slug);
    return all;
  }

  public List<CatalogueAdminQueries.ThemeRow> getThemeChoices() {
    return queries.themes();
  }

  public List<CatalogueAdminQueries.AudienceRow> getProfileChoices() {
    return queries.audiences();
  }

  public List<ChannelKind> getKinds() {
    return List.of(ChannelKind.values());
  }

  static String fr(LocalizedText t) {
    return t == null ? null : t.fr();
  }

  static String en(LocalizedText t) {
    return t == null ? null : t.en();
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---- bean properties

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public boolean isCreating() {
    return creating;
  }

  public String getNewSlug() {
    return newSlug;
  }

  public void setNewSlug(String newSlug) {
    this.newSlug = newSlug;
  }

  public String getTitleFr() {
    return titleFr;
  }

  public void setTitleFr(String v) {
    titleFr = v;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String v) {
    titleEn = v;
  }

  public String getSummaryFr() {
    return summaryFr;
  }

  public void setSummaryFr(String v) {
    summaryFr = v;
  }

  public String getSummaryEn() {
    return summaryEn;
  }

  public void setSummaryEn(String v) {
    summaryEn = v;
  }

  public String getBodyFr() {
    return bodyFr;
  }

  public void setBodyFr(String v) {
    bodyFr = v;
  }

  public String getBodyEn() {
    return bodyEn;
  }

  public void setBodyEn(String v) {
    bodyEn = v;
  }

  public String getKeywords() {
    return keywords;
  }

  public void setKeywords(String v) {
    keywords = v;
  }

  public String getDocumentsFr() {
    return documentsFr;
  }

  public void setDocumentsFr(String v) {
    documentsFr = v;
  }

  public String getDocumentsEn() {
    return documentsEn;
  }

  public void setDocumentsEn(String v) {
    documentsEn = v;
  }

  public String getCostFr() {
    return costFr;
  }

  public void setCostFr(String v) {
    costFr = v;
  }

  public String getCostEn() {
    return costEn;
  }

  public void setCostEn(String v) {
    costEn = v;
  }

  public String getDelayFr() {
    return delayFr;
  }

  public void setDelayFr(String v) {
    delayFr = v;
  }

  public String getDelayEn() {
    return delayEn;
  }

  public void setDelayEn(String v) {
    delayEn = v;
  }

  public String getContactFr() {
    return contactFr;
  }

  public void setContactFr(String v) {
    contactFr = v;
  }

  public String getContactEn() {
    return contactEn;
  }

  public void setContactEn(String v) {
    contactEn = v;
  }

  public List<String> getThemes() {
    return themes;
  }

  public void setThemes(List<String> v) {
    themes = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public List<String> getProfiles() {
    return profiles;
  }

  public void setProfiles(List<String> v) {
    profiles = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public List<String> getRelated() {
    return related;
  }

  public void setRelated(List<String> v) {
    related = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean v) {
    published = v;
  }

  public Integer getEditorialRank() {
    return editorialRank;
  }

  public void setEditorialRank(Integer v) {
    editorialRank = v;
  }

  public List<ChannelForm> getChannels() {
    return channels;
  }

  public List<LinkForm> getLinks() {
    return links;
  }
}
