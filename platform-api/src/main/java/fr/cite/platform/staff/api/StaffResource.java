package fr.cite.platform.staff.api;

import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.staff.domain.StaffMember;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The town's staff, managed by its administrators ({@link TownAdminOnly}): list, invite by e-mail,
 * remove. On the town's host only; every call works within that town.
 */
@Path("/v1/staff")
@RequestScoped
@TownAdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

  /** A member of the staff as an administrator sees it. */
  public record StaffView(long id, String email, String role, boolean accepted, Instant invitedAt) {
    static StaffView of(StaffMember m) {
      return new StaffView(
          m.id(), m.email(), m.role().name(), m.acceptedAt().isPresent(), m.invitedAt());
    }
  }

  @Inject StaffDirectory staff;

  @Inject RequestHost host;

  @Inject CurrentCaller caller;

  @Inject AuditLog audit;

  @GET
  public List<StaffView> list() {
    return staff.list().stream().map(StaffView::of).toList();
  }

  /** Invites someone; the link is e-mailed to them (and returned). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invite(
      @NotNull(message = "{validation.required}") @Valid InviteStaffRequest body) {
    StaffDirectory.Invitation invitation =
        staff.invite(
            body.email(), body.role(), caller.requireSubject(), host.town().orElseThrow().name());
    audit.recordTownStaff("staff.invited", body.email(), body.role().name());
    return Response.status(Response.Status.CREATED)
        .entity(
            new StaffInvitationView(invitation.email(), invitation.role().name(), invitation.url()))
        .build();
  }

  /** Removes a member: their account keeps existing but no longer opens this town's console. */
  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") long id) {
    if (!staff.remove(id, caller.requireSubject())) {
      throw ProblemException.notFound("staff-not-found", id);
    }
    audit.recordTownStaff("staff.removed", Long.toString(id), null);
    return Response.noContent().build();
  }
}
