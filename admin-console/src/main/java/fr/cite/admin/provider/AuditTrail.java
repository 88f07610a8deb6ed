package fr.cite.admin.provider;

import fr.cite.admin.web.PagedList;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.audit.domain.AuditEntry;
import fr.cite.platform.tenancy.application.TownRegistry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The audit log in the provider console: newest first, a page at a time, searchable by actor,
 * action, town, dates and any text of the target or values.
 */
@Named("auditTrail")
@ViewScoped
public class AuditTrail implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final java.time.format.DateTimeFormatter AT =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(PARIS);

  /** An entry as shown. */
  public record Row(
      long id,
      String at,
      String actor,
      String actorKind,
      String town,
      String action,
      String target,
      String before,
      String after)
      implements Serializable {}

  @Inject AuditLog audit;

  @Inject TownRegistry registry;

  private String actor;
  private String action;
  private String town;
  private LocalDate from;
  private LocalDate to;
  private String text;

  private final PagedList<Row> entries =
      new PagedList<>(
          () -> audit.count(filter()),
          (first, size, field, asc) -> rows(first, size),
          r -> Long.toString(r.id()));

  private List<Row> rows(int first, int pageSize) {
    List<AuditEntry> entries = audit.list(filter(), first, pageSize);
    Map<Long, String> slugs =
        registry.slugsOf(
            entries.stream()
                .map(AuditEntry::tenantId)
                .flatMap(java.util.Optional::stream)
                .toList());
    return entries.stream()
        .map(
            e ->
                new Row(
                    e.id(),
                    AT.format(e.at()),
                    e.actor(),
                    e.actorKind().name(),
                    e.tenantId().map(slugs::get).orElse(null),
                    e.action(),
                    e.target(),
                    e.before(),
                    e.after()))
        .toList();
  }

  private AuditLog.Filter filter() {
    // A town that does not exist selects nothing (id -1), rather than every town.
    Long tenantId =
        town == null || town.isBlank()
            ? null
            : registry.find(town.strip()).map(t -> t.id()).orElse(-1L);
    return new AuditLog.Filter(
        actor,
        action,
        tenantId,
        from == null ? null : from.atStartOfDay(PARIS).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(PARIS).toInstant(),
        text);
  }

  public PagedList<Row> getEntries() {
    return entries;
  }

  public List<String> getActions() {
    return audit.actions();
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTown() {
    return town;
  }

  public void setTown(String town) {
    this.town = town;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
