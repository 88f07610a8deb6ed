package fr.cite.admin.town;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.admin.web.PagedList;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.catalogue.application.CatalogueAdminQueries;
import fr.cite.platform.catalogue.application.CatalogueEditing;
import fr.cite.platform.catalogue.application.PreviewTokens;
import fr.cite.platform.catalogue.domain.Procedure;
import fr.cite.platform.catalogue.domain.Slug;
import fr.cite.platform.communes.Slugs;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The catalogue in the town console: procedures (drafts included) in a lazy table filtered and
 * sorted by the database, published or withdrawn in one click; themes and profiles created,
 * renamed, moved up or down, published or withdrawn. Every change shows on the portal at once.
 */
@Named("catalogueEditor")
@ViewScoped
public class CatalogueEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CatalogueAdminQueries queries;

  @Inject CatalogueEditing editing;

  @Inject PreviewTokens previews;

  @Inject RequestHost host;

  @Inject AuditLog audit;

  private String text;
  private Procedure.Status status;
  private String theme;

  // the theme or profile being edited in the dialog
  private String kind = "theme";
  private boolean creating;
  private String editSlug;
  private String editParent;
  private String editNameFr;
  private String editNameEn;
  private String editDescriptionFr;
  private String editDescriptionEn;

  private final PagedList<CatalogueAdminQueries.ProcedureRow> procedures =
      new PagedList<>(
          () -> queries.countProcedures(filter()),
          (first, size, field, ascending) ->
              queries.procedures(filter(), field == null ? "title" : field, ascending, first, size),
          CatalogueAdminQueries.ProcedureRow::slug);

  private CatalogueAdminQueries.ProcedureFilter filter() {
    return new CatalogueAdminQueries.ProcedureFilter(text, status, theme);
  }

  public void publish(String slug, boolean published) {
    try {
      editing.publishProcedure(slug, published);
      audit.recordTownStaff(published ? "procedure.published" : "procedure.withdrawn", slug, null);
      ConsoleMessages.info(published ? "catalogue.published" : "catalogue.withdrawn", slug);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  private static final java.time.format.DateTimeFormatter AT =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
          .withZone(java.time.ZoneId.of("Europe/Paris"));

  /** A time as the console shows it, in Paris time. */
  public String at(java.time.Instant instant) {
    return instant == null ? "" : AT.format(instant);
  }

  public String previewUrl(String slug) {
    return "/demarches/" + slug + "?apercu=" + previews.issue(host.town().orElseThrow().id(), slug);
  }

  // ---- themes and profiles

  private final fr.cite.admin.web.RenderMemo<List<CatalogueAdminQueries.ThemeRow>> themes =
      new fr.cite.admin.web.RenderMemo<>();
  private final fr.cite.admin.web.RenderMemo<List<CatalogueAdminQueries.AudienceRow>> profiles =
      new fr.cite.admin.web.RenderMemo<>();

  /** Themes, read once per render (the filter, the table and the dialog show them). */
  public List<CatalogueAdminQueries.ThemeRow> getThemes() {
    return themes.get(queries::themes);
  }

  public List<CatalogueAdminQueries.ThemeRow> getTopThemes() {
    return getThemes().stream().filter(t -> t.parent() == null).toList();
  }

  public List<CatalogueAdminQueries.AudienceRow> getProfiles() {
    return profiles.get(queries::audiences);
  }

  public void moveTheme(String slug, int by) {
    editing.moveTheme(slug, by);
    audit.recordTownStaff("theme.moved", slug, by < 0 ? "up" : "down");
  }

  public void moveProfile(String slug, int by) {
    editing.moveAudience(slug, by);
    audit.recordTownStaff("profile.moved", slug, by < 0 ? "up" : "down");
  }

  public void publishTheme(String slug, boolean published) {
    editing.publishTheme(slug, published);
    audit.recordTownStaff(published ? "theme.published" : "theme.withdrawn", slug, null);
  }

  public void publishProfile(String slug, boolean published) {
    editing.publishAudience(slug, published);
    audit.recordTownStaff(published ? "profile.published" : "profile.withdrawn", slug, null);
  }

  public void newTheme() {
    startEditing("theme", true, null, null, null, null, null, null);
  }

  public void newProfile() {
    startEditing("profile", true, null, null, null, null, null, null);
  }

  public void editTheme(CatalogueAdminQueries.ThemeRow t) {
    startEditing(
        "theme",
        false,
        t.slug(),
        t.parent(),
        t.nameFr(),
        t.nameEn(),
        t.descriptionFr(),
        t.descriptionEn());
  }

  public void editProfile(CatalogueAdminQueries.AudienceRow a) {
    startEditing(
        "profile",
        false,
        a.slug(),
        null,
        a.nameFr(),
        a.nameEn(),
        a.descriptionFr(),
        a.descriptionEn());
  }

  private void startEditing(
      String kind,
      boolean creating,
      String slug,
      String parent,
      String nameFr,
      String nameEn,
      String descriptionFr,
      String descriptionEn) {
    this.kind = kind;
    this.creating = creating;
    this.editSlug = slug;
    this.editParent = parent;
    this.editNameFr = nameFr;
    this.editNameEn = nameEn;
    this.editDescriptionFr = descriptionFr;
    this.editDescriptionEn = descriptionEn;
  }

  /** Saves the theme or profile of the dialog; a new one goes last. */
  public void saveEdited() {
    if (editNameFr == null || editNameFr.isBlank() || editNameFr.length() > 120) {
      ConsoleMessages.error("catalogue.nameRequired");
      return;
    }
    if ((editNameEn != null && editNameEn.length() > 120)
        || (editDescriptionFr != null && editDescriptionFr.length() > 500)
        || (editDescriptionEn != null && editDescriptionEn.length() > 500)) {
      ConsoleMessages.error("catalogue.tooLong");
      return;
    }
    String slug = creating ? Slugs.fold(editNameFr) : editSlug;
    if (!Slug.isValid(slug)) {
      ConsoleMessages.error("catalogue.nameRequired");
      return;
    }
    LocalizedText name = LocalizedText.of(editNameFr.strip(), blank(editNameEn));
    LocalizedText description =
        blank(editDescriptionFr) == null
            ? null
            : LocalizedText.of(editDescriptionFr.strip(), blank(editDescriptionEn));
    try {
      if ("theme".equals(kind)) {
        List<CatalogueAdminQueries.ThemeRow> all = queries.themes();
        java.util.Optional<CatalogueAdminQueries.ThemeRow> same =
            all.stream().filter(t -> t.slug().equals(slug)).findFirst();
        if (creating && same.isPresent()) {
          throw ProblemException.conflict("theme-exists", slug);
        }
        int position =
            creating ? all.size() : same.map(CatalogueAdminQueries.ThemeRow::position).orElse(0);
        editing.saveTheme(slug, blank(editParent), name, description, position);
        audit.recordTownStaff(creating ? "theme.created" : "theme.changed", slug, editNameFr);
      } else {
        List<CatalogueAdminQueries.AudienceRow> all = queries.audiences();
        java.util.Optional<CatalogueAdminQueries.AudienceRow> same =
            all.stream().filter(a -> a.slug().equals(slug)).findFirst();
        if (creating && same.isPresent()) {
          throw ProblemException.conflict("profile-exists", slug);
        }
        int position =
            creating ? all.size() : same.map(CatalogueAdminQueries.AudienceRow::position).orElse(0);
        editing.saveAudience(slug, name, description, position);
        audit.recordTownStaff(creating ? "profile.created" : "profile.changed", slug, editNameFr);
      }
      ConsoleMessages.info("catalogue.saved", editNameFr);
      org.primefaces.PrimeFaces.current().executeScript("PF('editDialog').hide()");
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void deleteTheme(String slug) {
    try {
      editing.deleteTheme(slug);
      audit.recordTownStaff("theme.deleted", slug, null);
      ConsoleMessages.info("catalogue.deleted", slug);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void deleteProfile(String slug) {
    try {
      editing.deleteAudience(slug);
      audit.recordTownStaff("profile.deleted", slug, null);
      ConsoleMessages.info("catalogue.deleted", slug);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---- properties

  public PagedList<CatalogueAdminQueries.ProcedureRow> getProcedures() {
    return procedures;
  }

  public List<Procedure.Status> getStatuses() {
    return List.of(Procedure.Status.values());
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Procedure.Status getStatus() {
    return status;
  }

  public void setStatus(Procedure.Status status) {
    this.status = status;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public String getKind() {
    return kind;
  }

  public boolean isCreating() {
    return creating;
  }

  public String getEditSlug() {
    return editSlug;
  }

  public String getEditParent() {
    return editParent;
  }

  public void setEditParent(String editParent) {
    this.editParent = editParent;
  }

  public String getEditNameFr() {
    return editNameFr;
  }

  public void setEditNameFr(String v) {
    editNameFr = v;
  }

  public String getEditNameEn() {
    return editNameEn;
  }

  public void setEditNameEn(String v) {
    editNameEn = v;
  }

  public String getEditDescriptionFr() {
    return editDescriptionFr;
  }

  public void setEditDescriptionFr(String v) {
    editDescriptionFr = v;
  }

  public String getEditDescriptionEn() {
    return editDescriptionEn;
  }

  public void setEditDescriptionEn(String v) {
    editDescriptionEn = v;
  }
}
