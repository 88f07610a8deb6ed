package fr.cite.platform.family.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The town's published grid applied to applications: each criterion the application meets gives its
 * points (months waiting count per full month); the list is ranked by points, then by date of
 * application, then by id (first come, first served on equal points). The same computation answers
 * the commission and the family, line by line.
 */
public final class CrecheGrid {

  /** One criterion met, and what it gave. */
  public record Line(CrecheCriterion.Code code, int points, int quantity) {}

  /** An application's score, with its lines. */
  public record Score(Long applicationId, int total, List<Line> lines) {}

  private final Map<CrecheCriterion.Code, Integer> points;

  public CrecheGrid(Map<CrecheCriterion.Code, Integer> points) {
    this.points = Map.copyOf(points);
  }

  public Score score(CrecheApplication a, boolean resident, LocalDate today) {
    List<Line> lines = new ArrayList<>();
    Set<CrecheCriterion.Code> declared = a.declared();
    for (CrecheCriterion.Code code : CrecheCriterion.Code.values()) {
      int p = points.getOrDefault(code, 0);
      if (p == 0) {
        continue;
      }
      if (code == CrecheCriterion.Code.PER_MONTH_WAITING) {
        long months =
            ChronoUnit.MONTHS.between(
                a.appliedAt().atZone(ZoneId.of("Europe/Paris")).toLocalDate(), today);
        if (months > 0) {
          lines.add(new Line(code, (int) (p * months), (int) months));
        }
      } else if (code == CrecheCriterion.Code.RESIDENT ? resident : declared.contains(code)) {
        lines.add(new Line(code, p, 1));
      }
    }
    return new Score(a.id(), lines.stream().mapToInt(Line::points).sum(), List.copyOf(lines));
  }

  /** Orders scored applications: points, then date of application, then id. */
  public static Comparator<Map.Entry<CrecheApplication, Score>> ranking() {
    return Comparator.<Map.Entry<CrecheApplication, Score>>comparingInt(e -> -e.getValue().total())
        .thenComparing(e -> e.getKey().appliedAt())
        .thenComparing(e -> e.getKey().id());
  }
}
