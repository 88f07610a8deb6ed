package fr.cite.admin.town;

import fr.cite.admin.web.ConsoleCharts;
import fr.cite.platform.catalogue.application.UsageReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The town's dashboard: activity of the last 30 days as a chart, the most viewed procedures and the
 * searches that found nothing.
 */
@Named("townDashboard")
@RequestScoped
public class TownDashboard {

  /** The period shown, in days. */
  public static final int DAYS = 30;

  @Inject UsageReport report;

  @Inject fr.cite.platform.requests.application.RequestDesk desk;

  /** A count with its label, for the requests' tables. */
  public record Count(String label, long count) {}

  public List<Count> getRequestsByStatus() {
    return desk.countsByStatus().entrySet().stream()
        .map(e -> new Count(e.getKey().name(), e.getValue()))
        .toList();
  }

  public List<Count> getOpenByType() {
    return desk.openByType().stream().map(r -> new Count((String) r[0], (Long) r[1])).toList();
  }

  public List<fr.cite.platform.requests.application.RequestDesk.QueueRow> getOldestOpen() {
    return desk.oldestOpen(5);
  }

  private List<UsageReport.Day> activity;

  public List<UsageReport.Day> getActivity() {
    if (activity == null) {
      activity = report.activity(DAYS);
    }
    return activity;
  }

  /** The activity as a Chart.js bar chart configuration (views and e-service starts per day). */
  public String getChart() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM");
    List<String> labels = new java.util.ArrayList<>();
    List<Long> views = new java.util.ArrayList<>();
    List<Long> starts = new java.util.ArrayList<>();
    for (UsageReport.Day d : getActivity()) {
      labels.add(f.format(d.day()));
      views.add(d.views());
      starts.add(d.starts());
    }
    return ConsoleCharts.stackedBars(
        labels,
        List.of(
            new ConsoleCharts.Series("Pages vues / page views", views),
            new ConsoleCharts.Series("Démarches en ligne / online starts", starts)));
  }

  public long getTotalViews() {
    return getActivity().stream().mapToLong(UsageReport.Day::views).sum();
  }

  public List<UsageReport.ProcedureUse> getMostViewed() {
    return report.mostViewed(DAYS, 10);
  }

  public List<UsageReport.Miss> getMisses() {
    return report.searchesWithoutResults(DAYS, 20);
  }
}
