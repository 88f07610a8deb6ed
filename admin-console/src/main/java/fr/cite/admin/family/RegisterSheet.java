package fr.cite.admin.family;

import fr.cite.platform.family.application.Registers;
import fr.cite.platform.family.domain.Attendance;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.problem.ProblemException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The register of a session on a phone or a tablet: the day's sessions, then the booked children
 * with their PAI, allergies and who may pick them up, a button per mark, a child present without
 * booking added from the activity's registered children, the register closed at the end of the day;
 * printable.
 */
@Named("registerSheet")
@ViewScoped
public class RegisterSheet implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Registers registers;

  private String day;
  private Long session;
  private Long extraChild;

  public LocalDate getDate() {
    LocalDate d = FamilyQueue.parse(day);
    return d == null ? FamilyConsole.today() : d;
  }

  public List<Registers.SessionRow> getSessions() {
    return registers.sessionsOn(getDate());
  }

  public Registers.Sheet getSheet() {
    return session == null ? null : registers.sheet(session);
  }

  public List<Child> getUnbooked() {
    return session == null ? List.of() : registers.unbooked(session);
  }

  public void mark(long childId, String mark) {
    try {
      registers.mark(session, childId, Attendance.Mark.valueOf(mark), FamilyConsole.by());
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  public void addExtra() {
    if (extraChild == null) {
      return;
    }
    mark(extraChild, Attendance.Mark.UNBOOKED_PRESENT.name());
    extraChild = null;
  }

  public void close() {
    try {
      int absent = registers.close(session, FamilyConsole.by());
      FamilyConsole.info(FamilyConsole.text("fam.done.registerClosed", absent));
    } catch (ProblemException e) {
      FamilyConsole.problem(e);
    }
  }

  public String date(LocalDate d) {
    return FamilyConsole.date(d);
  }

  public String getDay() {
    return day;
  }

  public void setDay(String v) {
    day = v;
  }

  public Long getSession() {
    return session;
  }

  public void setSession(Long v) {
    session = v;
  }

  public Long getExtraChild() {
    return extraChild;
  }

  public void setExtraChild(Long v) {
    extraChild = v;
  }
}
