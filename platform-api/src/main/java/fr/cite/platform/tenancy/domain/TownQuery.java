package fr.cite.platform.tenancy.domain;

import java.util.Locale;

/**
 * Filters and order of a list of towns, as the provider console asks: any of status, département,
 * population range and part of the name; sorted by name, population, département or onboarding
 * date. Null filters do not filter.
 */
public record TownQuery(
    TenantStatus status,
    String departement,
    Integer minPopulation,
    Integer maxPopulation,
    String name,
    Sort sort,
    boolean descending) {

  /** What a list can be sorted by. */
  public enum Sort {
    NAME("t.officialName"),
    POPULATION("t.population"),
    DEPARTEMENT("t.departementCode"),
    CREATED("t.createdAt");

    private final String path;

    Sort(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  public static TownQuery all() {
    return new TownQuery(null, null, null, null, null, Sort.NAME, false);
  }

  public TownQuery {
    sort = sort == null ? Sort.NAME : sort;
    departement =
        departement == null || departement.isBlank()
            ? null
            : departement.strip().toUpperCase(Locale.ROOT);
    name = name == null || name.isBlank() ? null : name.strip();
  }
}
