package fr.cite.admin.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations of the consoles' dashboards (PrimeFaces' {@code p:chart} takes them as
 * JSON): stacked bars, one series per dataset, without animation (nothing moves for people who
 * asked for less motion, and a screenshot shows the figures).
 */
public final class ConsoleCharts {

  /** The dashboards' colours: the state's blue and red, then contrasted ones. */
  public static final List<String> COLOURS =
      List.of(
          "#000091", "#e1000f", "#18753c", "#b34000", "#6a6af4", "#7d4e5b", "#00778b", "#716043");

  /** One series of a bar chart. */
  public record Series(String label, List<? extends Number> values) {}

  private ConsoleCharts() {}

  /** Stacked bars over these labels, a colour per series in order. */
  public static String stackedBars(List<String> labels, List<Series> series) {
    JsonArrayBuilder xs = Json.createArrayBuilder();
    labels.forEach(xs::add);
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (int i = 0; i < series.size(); i++) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      series.get(i).values().forEach(v -> data.add(v.longValue()));
      datasets.add(
          Json.createObjectBuilder()
              .add("label", series.get(i).label())
              .add("backgroundColor", COLOURS.get(i % COLOURS.size()))
              .add("data", data));
    }
    JsonObjectBuilder stacked = Json.createObjectBuilder().add("stacked", true);
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", xs).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("animation", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("x", stacked)
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("stacked", true)
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }
}
