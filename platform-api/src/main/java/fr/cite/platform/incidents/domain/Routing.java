package fr.cite.platform.incidents.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which service handles a report, and why (Signalen's rules, FixMyStreet's bodies): the first
 * active rule by priority whose category (the report's, or its parent) matches or is empty and
 * whose sector contains the point or is empty; else the category's default service; else the front
 * desk, which requalifies it. The reason is kept with the report and shown to agents, and the
 * routing runs again when the category or the place changes.
 */
public final class Routing {

  private Routing() {}

  /** A category of the town's two-level tree. */
  public record Category(long id, Long parentId, String code, Long defaultServiceId) {}

  /** A routing rule; an empty category or sector matches any. */
  public record Rule(
      long id, int priority, Long categoryId, Long sectorId, long serviceId, boolean active) {}

  /** How a report was routed. */
  public enum Reason {
    RULE,
    CATEGORY_DEFAULT,
    FRONT_DESK
  }

  /**
   * The decision: the service (empty: the front desk), why, and the rule or sector that made it.
   */
  public record Decision(
      Optional<Long> serviceId, Reason reason, Long ruleId, Long sectorId, String explanation) {

    /** The status a new report starts with: the front desk requalifies what no one took. */
    public IncidentStatus initialStatus() {
      return reason == Reason.FRONT_DESK ? IncidentStatus.TO_REQUALIFY : IncidentStatus.NEW;
    }
  }

  public static Decision route(
      Category category,
      Optional<Category> parent,
      GeoPoint point,
      List<Sector> sectors,
      List<Rule> rules) {
    List<Rule> ordered =
        rules.stream()
            .filter(Rule::active)
            .sorted(Comparator.comparingInt(Rule::priority).thenComparingLong(Rule::id))
            .toList();
    for (Rule r : ordered) {
      boolean categoryMatches =
          r.categoryId() == null
              || r.categoryId() == category.id()
              || parent.map(p -> r.categoryId() == p.id()).orElse(false);
      if (!categoryMatches) {
        continue;
      }
      if (r.sectorId() == null) {
        return new Decision(
            Optional.of(r.serviceId()),
            Reason.RULE,
            r.id(),
            null,
            "règle " + r.id() + " (priorité " + r.priority() + ") : catégorie " + category.code());
      }
      Optional<Sector> sector = sectors.stream().filter(s -> s.id() == r.sectorId()).findFirst();
      if (sector.isPresent() && sector.get().contains(point)) {
        return new Decision(
            Optional.of(r.serviceId()),
            Reason.RULE,
            r.id(),
            sector.get().id(),
            "règle "
                + r.id()
                + " (priorité "
                + r.priority()
                + ") : catégorie "
                + category.code()
                + ", secteur "
                + sector.get().name());
      }
    }
    Long fallback =
        category.defaultServiceId() != null
            ? category.defaultServiceId()
            : parent.map(Category::defaultServiceId).orElse(null);
    if (fallback != null) {
      return new Decision(
          Optional.of(fallback),
          Reason.CATEGORY_DEFAULT,
          null,
          null,
          "aucune règle : service par défaut de la catégorie " + category.code());
    }
    return new Decision(
        Optional.empty(),
        Reason.FRONT_DESK,
        null,
        null,
        "aucune règle ni service par défaut : accueil, à requalifier");
  }
}
