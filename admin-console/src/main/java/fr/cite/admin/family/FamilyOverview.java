package fr.cite.admin.family;

import fr.cite.platform.family.application.FamilyDesk;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.Closure;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The family service's overview: what waits, bookings per day and site for the next two weeks with
 * their occupancy (bars with their figures), a child search with the child's file, the activities
 * and the closures (a closure cancels the day's bookings without charge and tells the families).
 */
@Named("familyOverview")
@ViewScoped
public class FamilyOverview implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient FamilyDesk desk;

  @Inject transient FamilySetup setup;

  private String query;
  private Long child;
  private Long closureActivity;
  private String closureDay;
  private String closureReason;

  public FamilyDesk.Waiting getWaiting() {
    return desk.waiting();
  }

  public List<FamilyDesk.DayLoad> getLoad() {
    return desk.load(FamilyConsole.today(), FamilyConsole.today().plusDays(13));
  }

  public int percent(FamilyDesk.DayLoad l) {
    return l.capacity() == 0 ? 0 : Math.min(100, Math.round(100f * l.booked() / l.capacity()));
  }

  public List<fr.cite.platform.family.domain.Child> getResults() {
    return desk.searchChildren(query);
  }

  public FamilyDesk.ChildFile getFile() {
    return child == null ? null : desk.childFile(child);
  }

  public List<Activity> getActivities() {
    return setup.activities();
  }

  public List<Closure> getClosures() {
    return setup.closures();
  }

  public String date(LocalDate d) {
    return FamilyConsole.date(d);
  }

  public String activityName(Long id) {
    return id == null
        ? FamilyConsole.text("fam.all-activities")
        : setup.requireActivity(id).name().fr() + " — " + setup.requireActivity(id).site();
  }

  public void close() {
    LocalDate day = FamilyQueue.parse(closureDay);
    if (day == null || closureReason == null || closureReason.isBlank()) {
      FamilyConsole.problem(
          ProblemException.invalidFields(
              List.of(new ProblemException.FieldProblem("day", "validation.required", List.of()))));
      return;
    }
    try {
      int cancelled = setup.close(closureActivity, day, closureReason.strip(), FamilyConsole.by());
      FamilyConsole.info(FamilyConsole.text("fam.done.closed", cancelled));
      closureDay = null;
      closureReason = null;
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String v) {
    query = v;
  }

  public Long getChild() {
    return child;
  }

  public void setChild(Long v) {
    child = v;
  }

  public Long getClosureActivity() {
    return closureActivity;
  }

  public void setClosureActivity(Long v) {
    closureActivity = v;
  }

  public String getClosureDay() {
    return closureDay;
  }

  public void setClosureDay(String v) {
    closureDay = v;
  }

  public String getClosureReason() {
    return closureReason;
  }

  public void setClosureReason(String v) {
    closureReason = v;
  }
}
