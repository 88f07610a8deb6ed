package fr.cite.platform.onboarding.api;

import fr.cite.platform.onboarding.application.BulkOnboarding;
import fr.cite.platform.onboarding.application.OnboardingJobRunner;
import fr.cite.platform.onboarding.domain.OnboardingJob;
import fr.cite.platform.onboarding.domain.OnboardingLine;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.api.PageView;
import fr.cite.platform.tenancy.api.Paging;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.towns.api.OperatorOnly;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/**
 * Provider API: bulk onboarding jobs. A job is created from a CSV body ({@code text/csv}: INSEE
 * code and optional first administrator's e-mail per line) or from the whole official list, and
 * starts at once unless {@code start=false}. Its progress, lines and their outcomes are read back;
 * it can be paused and resumed (a resumed job continues from its first pending line; a town that
 * exists is skipped, never duplicated).
 */
@Path("/v1/platform/onboarding-jobs")
@RequestScoped
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingJobsResource {

  @Inject BulkOnboarding jobs;

  @Inject OnboardingJobRunner runner;

  @Inject RequestHost host;

  /**
   * 201 with the job; 422 for a file that is not a readable list (nothing written), 413 above 8 MB
   * (a list above 4 MB is refused whole with 422, saying so).
   */
  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @fr.cite.platform.problem.BodyLimit(8 * fr.cite.platform.problem.BodyLimit.MB)
  public Response fromCsv(
      byte[] body,
      @QueryParam("fileName") String fileName,
      @QueryParam("status") String status,
      @QueryParam("start") String start,
      @Context UriInfo uri) {
    OnboardingJob job = jobs.createFromCsv(fileName, body, parseStatus(status));
    return created(job, start, uri);
  }

  /** Every current commune of the official list; 201 with the job. */
  @POST
  @Path("official-list")
  public Response fromOfficialList(
      @QueryParam("status") String status,
      @QueryParam("start") String start,
      @Context UriInfo uri) {
    OnboardingJob job = jobs.createFromOfficialList(parseStatus(status));
    return created(job, start, uri);
  }

  @GET
  public PageView<OnboardingJobView> list(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    Paging p = Paging.parse(page, size, 20);
    return PageView.of(
        jobs.list(p.page() * p.size(), p.size()).stream().map(this::view).toList(),
        p.page(),
        p.size(),
        jobs.count());
  }

  @GET
  @Path("{id}")
  public OnboardingJobView get(@PathParam("id") String id) {
    return view(jobs.require(parseId(id)));
  }

  /** The job's lines in file order; {@code outcome} keeps one kind (e.g. FAILED). */
  @GET
  @Path("{id}/lines")
  public PageView<OnboardingLineView> lines(
      @PathParam("id") String id,
      @QueryParam("outcome") String outcome,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    long jobId = jobs.require(parseId(id)).id();
    OnboardingLine.Outcome o = parseOutcome(outcome);
    Paging p = Paging.parse(page, size, 50);
    Locale locale = host.locale();
    return PageView.of(
        jobs.lines(jobId, o, p.page() * p.size(), p.size()).stream()
            .map(l -> OnboardingLineView.of(l, locale))
            .toList(),
        p.page(),
        p.size(),
        jobs.countLines(jobId, o));
  }

  /** Stops the job after its current chunk; 409 unless it runs. */
  @POST
  @Path("{id}/pause")
  public OnboardingJobView pause(@PathParam("id") String id) {
    return view(jobs.pause(parseId(id)));
  }

  /** Resumes a paused or interrupted job from its first pending line; 409 otherwise. */
  @POST
  @Path("{id}/resume")
  public OnboardingJobView resume(@PathParam("id") String id) {
    return view(runner.start(parseId(id)));
  }

  private Response created(OnboardingJob job, String start, UriInfo uri) {
    OnboardingJob shown =
        start == null || !start.strip().equalsIgnoreCase("false") ? runner.start(job.id()) : job;
    return Response.created(
            uri.getBaseUriBuilder().path("v1/platform/onboarding-jobs/" + job.id()).build())
        .entity(view(shown))
        .build();
  }

  private OnboardingJobView view(OnboardingJob j) {
    return OnboardingJobView.of(j, jobs.isStale(j));
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("onboarding-job-not-found", id);
    }
  }

  private static TenantStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return TenantStatus.TRIAL;
    }
    try {
      TenantStatus s = TenantStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      if (s != TenantStatus.SUSPENDED) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw ProblemException.badRequest("bad-parameter", "status", "TRIAL, LIVE");
  }

  private static OnboardingLine.Outcome parseOutcome(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return null;
    }
    try {
      return OnboardingLine.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "bad-parameter", "outcome", "PENDING, CREATED, SKIPPED, FAILED");
    }
  }
}
