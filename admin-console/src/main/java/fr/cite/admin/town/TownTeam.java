package fr.cite.admin.town;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.staff.domain.StaffMember;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * The town's staff, managed by its administrators: who is on it with which role, invitations
 * pending, invite, change a role, remove. Each change is audited.
 */
@Named("townTeam")
@ViewScoped
public class TownTeam implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A member as listed. */
  public record Member(long id, String email, StaffRole role, boolean accepted, Instant invitedAt)
      implements Serializable {}

  @Inject StaffDirectory staff;

  @Inject CurrentCaller caller;

  @Inject RequestHost host;

  @Inject AuditLog audit;

  private String email;
  private StaffRole role = StaffRole.AGENT;
  private String invitationUrl;

  private String filter;

  private final fr.cite.admin.web.PagedList<Member> members =
      new fr.cite.admin.web.PagedList<>(
          () -> staff.count(filter),
          (first, size, field, ascending) ->
              staff.list(filter, field, ascending, first, size).stream()
                  .map(
                      (StaffMember m) ->
                          new Member(
                              m.id(),
                              m.email(),
                              m.role(),
                              m.acceptedAt().isPresent(),
                              m.invitedAt()))
                  .toList(),
          m -> Long.toString(m.id()));

  public fr.cite.admin.web.PagedList<Member> getMembers() {
    return members;
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String filter) {
    this.filter = filter;
  }

  public StaffRole[] getRoles() {
    return StaffRole.values();
  }

  public void invite() {
    try {
      invitationUrl =
          staff
              .invite(email, role, caller.requireSubject(), host.town().orElseThrow().name())
              .url();
      audit.recordTownStaff("staff.invited", email, role.name());
      ConsoleMessages.info("team.invited", email);
      email = null;
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void changeRole(long memberId, StaffRole newRole) {
    try {
      if (staff.changeRole(memberId, newRole, caller.requireSubject())) {
        audit.recordTownStaff("staff.role-changed", Long.toString(memberId), newRole.name());
        ConsoleMessages.info("team.roleChanged", null);
      }
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void remove(long memberId) {
    try {
      if (staff.remove(memberId, caller.requireSubject())) {
        audit.recordTownStaff("staff.removed", Long.toString(memberId), null);
        ConsoleMessages.info("team.removed", null);
      }
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public StaffRole getRole() {
    return role;
  }

  public void setRole(StaffRole role) {
    this.role = role;
  }

  public String getInvitationUrl() {
    return invitationUrl;
  }
}
