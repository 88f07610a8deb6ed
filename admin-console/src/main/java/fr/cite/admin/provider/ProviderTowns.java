package fr.cite.admin.provider;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.admin.web.PagedList;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.application.TownRegistry;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.tenancy.domain.TownQuery;
import fr.cite.platform.towns.application.TownOperations;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The list of towns of the provider console: loaded a page at a time from the database (it stays
 * fast with every commune onboarded), filtered by status, département, population and name, sorted
 * by any column; suspend with a reason, reactivate.
 */
@Named("providerTowns")
@ViewScoped
public class ProviderTowns implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TownRegistry registry;

  @Inject TownOperations operations;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  private TenantStatus status;
  private String departement;
  private Integer minPopulation;
  private Integer maxPopulation;
  private String name;
  private String selectedSlug;
  private String reason;

  private final PagedList<TownRow> towns =
      new PagedList<>(
          () -> registry.count(query(null, false)),
          (first, size, field, ascending) -> {
            TownQuery.Sort sort =
                field == null
                    ? TownQuery.Sort.NAME
                    : switch (field) {
                      case "population" -> TownQuery.Sort.POPULATION;
                      case "departement" -> TownQuery.Sort.DEPARTEMENT;
                      case "createdAt" -> TownQuery.Sort.CREATED;
                      default -> TownQuery.Sort.NAME;
                    };
            return registry.list(query(sort, !ascending), first, size).stream()
                .map(t -> TownRow.of(t, config.publicUrl(directory.platformHostOf(t.slug())) + "/"))
                .toList();
          },
          TownRow::slug);

  private TownQuery query(TownQuery.Sort sort, boolean descending) {
    return new TownQuery(status, departement, minPopulation, maxPopulation, name, sort, descending);
  }

  public PagedList<TownRow> getTowns() {
    return towns;
  }

  public TenantStatus[] getStatuses() {
    return TenantStatus.values();
  }

  /** Applies the filters: back to the first page of the results. */
  public void applyFilters() {
    var table =
        (org.primefaces.component.datatable.DataTable)
            FacesContext.getCurrentInstance().getViewRoot().findComponent("towns:table");
    if (table != null) {
      table.setFirst(0);
    }
  }

  /** Opens the suspension dialog for a town. */
  public void prepareSuspension(String slug) {
    this.selectedSlug = slug;
    this.reason = null;
  }

  public void suspend() {
    change(selectedSlug, TenantStatus.SUSPENDED, reason, "provider.suspended");
  }

  public void reactivate(String slug) {
    change(slug, TenantStatus.LIVE, null, "provider.reactivated");
  }

  private void change(String slug, TenantStatus to, String why, String done) {
    try {
      operations.changeStatus(slug, to, why);
      ConsoleMessages.info(done, slug);
    } catch (ProblemException e) {
      ConsoleMessages.error("provider.reasonRequired");
    }
  }

  public TenantStatus getStatus() {
    return status;
  }

  public void setStatus(TenantStatus status) {
    this.status = status;
  }

  public String getDepartement() {
    return departement;
  }

  public void setDepartement(String departement) {
    this.departement = departement;
  }

  public Integer getMinPopulation() {
    return minPopulation;
  }

  public void setMinPopulation(Integer minPopulation) {
    this.minPopulation = minPopulation;
  }

  public Integer getMaxPopulation() {
    return maxPopulation;
  }

  public void setMaxPopulation(Integer maxPopulation) {
    this.maxPopulation = maxPopulation;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSelectedSlug() {
    return selectedSlug;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
