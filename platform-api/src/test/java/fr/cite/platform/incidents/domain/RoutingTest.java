package fr.cite.platform.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The routing matrix (category × sector, priorities) and its fallbacks. */
class RoutingTest {

  // Le Havre, roughly: the Saint-François district and the upper town (north of it).
  static final Sector SAINT_FRANCOIS =
      new Sector(
          1,
          "Saint-François",
          List.of(
              new GeoPoint(49.480, 0.100),
              new GeoPoint(49.480, 0.115),
              new GeoPoint(49.490, 0.115),
              new GeoPoint(49.490, 0.100)));
  static final Sector VILLE_HAUTE =
      new Sector(
          2,
          "Ville haute",
          List.of(
              new GeoPoint(49.490, 0.100),
              new GeoPoint(49.490, 0.130),
              new GeoPoint(49.510, 0.130),
              new GeoPoint(49.510, 0.100)));
  static final List<Sector> SECTORS = List.of(SAINT_FRANCOIS, VILLE_HAUTE);

  static final Routing.Category VOIRIE = new Routing.Category(10, null, "voirie", 100L);
  static final Routing.Category NID_DE_POULE = new Routing.Category(11, 10L, "nid-de-poule", null);
  static final Routing.Category TAG = new Routing.Category(20, null, "tag", null);

  static final GeoPoint IN_SAINT_FRANCOIS = new GeoPoint(49.485, 0.108);
  static final GeoPoint IN_VILLE_HAUTE = new GeoPoint(49.500, 0.120);
  static final GeoPoint ELSEWHERE = new GeoPoint(49.470, 0.150);

  static final List<Routing.Rule> RULES =
      List.of(
          // Potholes of Saint-François go to its roads team; the rest of the roads to the roads
          // service of the upper town, in its sector; an inactive rule never counts.
          new Routing.Rule(1, 10, 11L, 1L, 201, true),
          new Routing.Rule(2, 20, 10L, 2L, 202, true),
          new Routing.Rule(3, 5, 11L, null, 999, false),
          new Routing.Rule(4, 30, 20L, null, 300, true));

  static Routing.Decision route(Routing.Category c, GeoPoint p) {
    Optional<Routing.Category> parent =
        c.parentId() == null ? Optional.empty() : Optional.of(VOIRIE);
    return Routing.route(c, parent, p, SECTORS, RULES);
  }

  @Test
  void theFirstActiveRuleByPriorityWhoseCategoryAndSectorMatchWins() {
    Routing.Decision d = route(NID_DE_POULE, IN_SAINT_FRANCOIS);
    assertThat(d.serviceId()).contains(201L);
    assertThat(d.reason()).isEqualTo(Routing.Reason.RULE);
    assertThat(d.ruleId()).isEqualTo(1L);
    assertThat(d.sectorId()).isEqualTo(1L);
    assertThat(d.explanation()).contains("secteur Saint-François").contains("nid-de-poule");
    assertThat(d.initialStatus()).isEqualTo(IncidentStatus.NEW);
  }

  @Test
  void aRuleOnTheParentCategoryServesItsChildren() {
    Routing.Decision d = route(NID_DE_POULE, IN_VILLE_HAUTE);
    assertThat(d.serviceId()).contains(202L);
    assertThat(d.ruleId()).isEqualTo(2L);
  }

  @Test
  void aRuleWithoutSectorMatchesEverywhere() {
    assertThat(route(TAG, ELSEWHERE).serviceId()).contains(300L);
    assertThat(route(TAG, IN_SAINT_FRANCOIS).ruleId()).isEqualTo(4L);
  }

  @Test
  void noRuleMeansTheCategoryDefaultThenTheParentsThenTheFrontDesk() {
    // A pothole outside every sector: no rule; the child has no default, its parent has.
    Routing.Decision d = route(NID_DE_POULE, ELSEWHERE);
    assertThat(d.reason()).isEqualTo(Routing.Reason.CATEGORY_DEFAULT);
    assertThat(d.serviceId()).contains(100L);
    // A category with neither rule nor default: the front desk, to be requalified.
    Routing.Category lost = new Routing.Category(30, null, "autre", null);
    Routing.Decision desk = Routing.route(lost, Optional.empty(), ELSEWHERE, SECTORS, RULES);
    assertThat(desk.serviceId()).isEmpty();
    assertThat(desk.reason()).isEqualTo(Routing.Reason.FRONT_DESK);
    assertThat(desk.initialStatus()).isEqualTo(IncidentStatus.TO_REQUALIFY);
  }

  @Test
  void aPointOnASectorsEdgeIsInsideAndPrioritiesBreakTheTie() {
    // On the line between Saint-François and the upper town: inside both; rule 1 (priority 10)
    // comes before rule 2 (priority 20).
    GeoPoint edge = new GeoPoint(49.490, 0.110);
    assertThat(SAINT_FRANCOIS.contains(edge)).isTrue();
    assertThat(VILLE_HAUTE.contains(edge)).isTrue();
    assertThat(route(NID_DE_POULE, edge).ruleId()).isEqualTo(1L);
    // A corner too.
    assertThat(SAINT_FRANCOIS.contains(new GeoPoint(49.480, 0.100))).isTrue();
    assertThat(SAINT_FRANCOIS.contains(new GeoPoint(49.479, 0.100))).isFalse();
  }
}
