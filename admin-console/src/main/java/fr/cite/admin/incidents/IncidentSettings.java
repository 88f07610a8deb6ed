package fr.cite.admin.incidents;

import fr.cite.admin.web.ConsoleCharts;
import fr.cite.admin.web.ConsoleFaces;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.incidents.api.IncidentAdminResource;
import fr.cite.platform.incidents.api.IncidentBodies;
import fr.cite.platform.incidents.application.IncidentAddresses;
import fr.cite.platform.incidents.application.IncidentDashboard;
import fr.cite.platform.incidents.application.IncidentSetup;
import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.Part;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A town administrator's page for reports: the dashboard (reports per main category and week as a
 * chart and its table, the median time to resolve per service, a heat map of where reports come
 * from with the busiest places as a table), the Base Adresse Locale (import, what was kept and left
 * out), the sectors (a GeoJSON import, all polygons or none; removal) and the routing rules.
 */
@Named("incidentSettings")
@ViewScoped
public class IncidentSettings implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Inject transient IncidentDashboard dashboard;

  @Inject transient IncidentAddresses addresses;

  @Inject transient IncidentSetup setup;

  @Inject transient AuditLog audit;

  private transient Part bal;
  private transient Part sectorsFile;
  private transient List<IncidentDashboard.Week> weeks;
  private transient List<IncidentDashboard.Square> squares;
  private Integer rulePriority = 10;
  private String ruleCategory;
  private Long ruleSector;
  private String ruleService;

  // ---- dashboard

  public List<IncidentDashboard.Week> getWeeks() {
    if (weeks == null) {
      weeks = dashboard.weeks(12);
    }
    return weeks;
  }

  /** One row per week and a column per main category: the chart's table. */
  public record WeekRow(String week, List<Long> counts, long total) {}

  public List<String> getWeekCategories() {
    Set<String> names = new LinkedHashSet<>();
    getWeeks().stream().map(IncidentDashboard.Week::category).sorted().forEach(names::add);
    return List.copyOf(names);
  }

  public List<WeekRow> getWeekRows() {
    List<String> categories = getWeekCategories();
    Map<LocalDate, long[]> byWeek = new LinkedHashMap<>();
    LocalDate monday =
        ConsoleFaces.today()
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    for (int i = 11; i >= 0; i--) {
      byWeek.put(monday.minusWeeks(i), new long[categories.size()]);
    }
    for (IncidentDashboard.Week w : getWeeks()) {
      long[] counts = byWeek.get(w.monday());
      if (counts != null) {
        counts[categories.indexOf(w.category())] += w.reports();
      }
    }
    List<WeekRow> rows = new ArrayList<>();
    byWeek.forEach(
        (d, counts) -> {
          List<Long> list = new ArrayList<>();
          long total = 0;
          for (long c : counts) {
            list.add(c);
            total += c;
          }
          rows.add(new WeekRow(DAY.format(d), list, total));
        });
    return rows;
  }

  /** Reports per week, stacked by main category: a Chart.js bar chart configuration. */
  public String getWeeksChart() {
    List<String> categories = getWeekCategories();
    List<WeekRow> rows = getWeekRows();
    List<ConsoleCharts.Series> series = new ArrayList<>();
    for (int c = 0; c < categories.size(); c++) {
      int column = c;
      series.add(
          new ConsoleCharts.Series(
              categories.get(c), rows.stream().map(r -> r.counts().get(column)).toList()));
    }
    return ConsoleCharts.stackedBars(rows.stream().map(WeekRow::week).toList(), series);
  }

  public List<IncidentDashboard.ServiceDelay> getDelays() {
    return dashboard.delays(365);
  }

  public String days(Double d) {
    return d == null ? "—" : String.format(ConsoleFaces.locale(), "%.1f", d);
  }

  public List<IncidentDashboard.Square> getSquares() {
    if (squares == null) {
      squares = dashboard.squares(365, 500);
    }
    return squares;
  }

  public String getSquaresJson() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (IncidentDashboard.Square s : getSquares()) {
      a.add(
          Json.createObjectBuilder()
              .add("lat", s.lat())
              .add("lon", s.lon())
              .add("reports", s.reports()));
    }
    return a.build().toString();
  }

  public int getSquareMetres() {
    return IncidentDashboard.SQUARE_M;
  }

  /** The ten busiest squares, named by the address nearest their centre when the town has one. */
  public record Place(String name, long reports) {}

  public List<Place> getBusiest() {
    return getSquares().stream()
        .limit(10)
        .map(
            s ->
                new Place(
                    addresses
                        .at(new GeoPoint(s.lat(), s.lon()))
                        .map(IncidentAddresses.Found::label)
                        .orElse(String.format(Locale.ROOT, "%.5f, %.5f", s.lat(), s.lon())),
                    s.reports()))
        .toList();
  }

  // ---- addresses

  public Optional<IncidentAddresses.Imported> getLastImport() {
    return addresses.lastImport();
  }

  public String when(java.time.Instant i) {
    return i == null ? "" : WHEN.format(i.atZone(ConsoleFaces.PARIS));
  }

  public void importBal() {
    if (bal == null || bal.getSize() == 0) {
      ConsoleFaces.error(ConsoleFaces.text("incset.bal-required"));
      return;
    }
    try {
      IncidentAddresses.Imported done =
          addresses.importBal(
              new InputStreamReader(bal.getInputStream(), StandardCharsets.UTF_8),
              bal.getSubmittedFileName(),
              ConsoleFaces.by(""));
      audit.recordTownStaff(
          "incident.addresses.imported",
          bal.getSubmittedFileName(),
          done.addresses() + " / " + done.rejected());
      ConsoleFaces.info(
          ConsoleFaces.text("incset.bal-imported", done.addresses(), done.rejected()));
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    } catch (IOException e) {
      ConsoleFaces.error(ConsoleFaces.text("incset.bal-unreadable"));
    }
  }

  // ---- sectors and rules

  public List<IncidentSetup.SectorRow> getSectors() {
    return setup.sectors();
  }

  public void importSectors() {
    if (sectorsFile == null || sectorsFile.getSize() == 0) {
      ConsoleFaces.error(ConsoleFaces.text("incset.geojson-required"));
      return;
    }
    IncidentBodies.FeatureCollection body;
    try (var jsonb = JsonbBuilder.create()) {
      body =
          jsonb.fromJson(
              new String(sectorsFile.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
              IncidentBodies.FeatureCollection.class);
    } catch (Exception e) {
      ConsoleFaces.error(ConsoleFaces.text("incset.geojson-unreadable"));
      return;
    }
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    if (body == null || !validator.validate(body).isEmpty()) {
      ConsoleFaces.error(ConsoleFaces.text("incset.geojson-unreadable"));
      return;
    }
    try {
      List<Long> ids = IncidentAdminResource.addSectors(setup, body);
      audit.recordTownStaff("incident.sectors.imported", String.valueOf(ids.size()), null);
      ConsoleFaces.info(ConsoleFaces.text("incset.sectors-imported", ids.size()));
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  public void deleteSector(long id) {
    try {
      setup.deleteSector(id);
      audit.recordTownStaff("incident.sector.deleted", String.valueOf(id), null);
      ConsoleFaces.info(ConsoleFaces.text("incset.sector-deleted"));
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  public List<IncidentSetup.Rule> getRules() {
    return setup.rules();
  }

  public List<IncidentSetup.Category> getCategories() {
    return setup.categories();
  }

  public List<IncidentSetup.Service> getServices() {
    return setup.services();
  }

  public void addRule() {
    if (ruleService == null || ruleService.isBlank() || rulePriority == null) {
      ConsoleFaces.error(ConsoleFaces.text("incset.rule-service"));
      return;
    }
    try {
      long id = setup.addRule(rulePriority, ruleCategory, ruleSector, ruleService);
      audit.recordTownStaff("incident.rule.added", String.valueOf(id), ruleService);
      ConsoleFaces.info(ConsoleFaces.text("incset.rule-added"));
      ruleCategory = null;
      ruleSector = null;
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  public void deleteRule(long id) {
    try {
      setup.deleteRule(id);
      audit.recordTownStaff("incident.rule.deleted", String.valueOf(id), null);
      ConsoleFaces.info(ConsoleFaces.text("incset.rule-deleted"));
    } catch (ProblemException e) {
      ConsoleFaces.problem(e);
    }
  }

  // ---- form fields

  public Part getBal() {
    return bal;
  }

  public void setBal(Part bal) {
    this.bal = bal;
  }

  public Part getSectorsFile() {
    return sectorsFile;
  }

  public void setSectorsFile(Part sectorsFile) {
    this.sectorsFile = sectorsFile;
  }

  public Integer getRulePriority() {
    return rulePriority;
  }

  public void setRulePriority(Integer rulePriority) {
    this.rulePriority = rulePriority;
  }

  public String getRuleCategory() {
    return ruleCategory;
  }

  public void setRuleCategory(String ruleCategory) {
    this.ruleCategory = ruleCategory;
  }

  public Long getRuleSector() {
    return ruleSector;
  }

  public void setRuleSector(Long ruleSector) {
    this.ruleSector = ruleSector;
  }

  public String getRuleService() {
    return ruleService;
  }

  public void setRuleService(String ruleService) {
    this.ruleService = ruleService;
  }
}
