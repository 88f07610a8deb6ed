package fr.cite.admin.family;

import fr.cite.platform.family.application.Creches;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.CrecheCriterion;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crèche commission: the waiting list ranked by the town's grid (points line by line, then the
 * date of application), an offer of a place with a start and an answer deadline, and the grid's
 * points, which the families see too.
 */
@Named("crecheCommission")
@ViewScoped
public class CrecheCommission implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Creches creches;

  @Inject transient FamilySetup setup;

  private final Map<Long, String> offerCreche = new HashMap<>();
  private final Map<Long, String> offerStart = new HashMap<>();
  private final Map<Long, String> offerDeadline = new HashMap<>();
  private final Map<String, Object> points = new HashMap<>();

  public List<Creches.Ranked> getRanking() {
    return creches.ranking();
  }

  public List<Activity> getCreches() {
    return creches.creches();
  }

  public List<CrecheCriterion> getGrid() {
    List<CrecheCriterion> grid = setup.grid();
    grid.forEach(c -> points.putIfAbsent(c.code().name(), c.points()));
    return grid;
  }

  public String crecheName(Long id) {
    return id == null ? "" : setup.requireActivity(id).name().fr();
  }

  public String weekdays(int mask) {
    return Weekdays.label(mask, FamilyConsole.locale());
  }

  public String date(LocalDate d) {
    return FamilyConsole.date(d);
  }

  public void offer(long application) {
    Long creche = number(offerCreche.get(application));
    LocalDate start = FamilyQueue.parse(offerStart.get(application));
    LocalDate deadline = FamilyQueue.parse(offerDeadline.get(application));
    if (creche == null || start == null || deadline == null) {
      FamilyConsole.problem(ProblemException.unprocessable("family-creche-no-offer"));
      return;
    }
    try {
      creches.offer(application, creche, start, deadline, FamilyConsole.by());
      FamilyConsole.info(FamilyConsole.text("fam.done.offered"));
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  public void saveGrid() {
    try {
      for (Map.Entry<String, Object> e : points.entrySet()) {
        Long p = number(e.getValue());
        setup.weigh(CrecheCriterion.Code.valueOf(e.getKey()), p == null ? 0 : p.intValue());
      }
      FamilyConsole.info(FamilyConsole.text("fam.done.grid"));
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  /** A number from a form's map (EL fills maps with what the component converted, or text). */
  static Long number(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    String s = v == null ? "" : v.toString().strip();
    return s.matches("[0-9]{1,12}") ? Long.valueOf(s) : null;
  }

  public Map<Long, String> getOfferCreche() {
    return offerCreche;
  }

  public Map<Long, String> getOfferStart() {
    return offerStart;
  }

  public Map<Long, String> getOfferDeadline() {
    return offerDeadline;
  }

  public Map<String, Object> getPoints() {
    return points;
  }
}
