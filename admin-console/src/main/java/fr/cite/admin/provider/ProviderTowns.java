package fr.cite.admin.provider;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.application.TownOperations;
import fr.cite.platform.tenancy.application.TownRegistry;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.tenancy.domain.TownQuery;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

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

  private final LazyDataModel<TownRow> towns =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) registry.count(query(null, false));
        }

        @Override
        public List<TownRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          TownQuery.Sort sort = TownQuery.Sort.NAME;
          boolean descending = false;
          for (SortMeta m : sortBy.values()) {
            sort =
                switch (m.getField()) {
                  case "population" -> TownQuery.Sort.POPULATION;
                  case "departement" -> TownQuery.Sort.DEPARTEMENT;
                  case "createdAt" -> TownQuery.Sort.CREATED;
                  default -> TownQuery.Sort.NAME;
                };
            descending = m.getOrder() == SortOrder.DESCENDING;
          }
          return registry.list(query(sort, descending), first, pageSize).stream()
              .map(t -> TownRow.of(t, config.publicUrl(directory.platformHostOf(t.slug())) + "/"))
              .toList();
        }

        @Override
        public String getRowKey(TownRow row) {
          return row.slug();
        }

        @Override
        public TownRow getRowData(String rowKey) {
          return null;
        }
      };

  private TownQuery query(TownQuery.Sort sort, boolean descending) {
    return new TownQuery(status, departement, minPopulation, maxPopulation, name, sort, descending);
  }

  public LazyDataModel<TownRow> getTowns() {
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
