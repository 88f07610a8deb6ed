package fr.cite.portal.api;

import fr.cite.platform.problem.ProblemExceptionMapper;
import fr.cite.platform.problem.UnexpectedExceptionMapper;
import fr.cite.platform.problem.ValidationExceptionMapper;
import fr.cite.platform.problem.WebApplicationExceptionMapper;
import fr.cite.platform.staff.api.StaffResource;
import fr.cite.platform.staff.api.TownAdminAuthentication;
import fr.cite.platform.town.api.TownResource;
import fr.cite.platform.towns.api.OperatorAuthentication;
import fr.cite.platform.towns.api.PlatformTownsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST API, under {@code /api} on every host. Resources live in the shared platform jar, which
 * JAX-RS does not scan inside an EAR's lib folder: they are listed here.
 */
@ApplicationPath("/api")
@org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition(
    info =
        @org.eclipse.microprofile.openapi.annotations.info.Info(
            title = "Cité API",
            version = "1",
            description =
                "Public API of a town's citizen portal on Cité (catalogue, town profile), its"
                    + " administrators' API and the platform provider's API. Errors are RFC 9457"
                    + " problem details in French or English (Accept-Language)."))
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TownResource.class,
        fr.cite.platform.catalogue.api.CatalogueResource.class,
        fr.cite.platform.catalogue.api.CatalogueAdminResource.class,
        PlatformTownsResource.class,
        fr.cite.platform.onboarding.api.OnboardingJobsResource.class,
        fr.cite.platform.towns.api.TownSettingsResource.class,
        fr.cite.platform.requests.api.RequestsResource.class,
        fr.cite.platform.requests.api.DeskResource.class,
        fr.cite.platform.requests.api.RequestAdminResource.class,
        fr.cite.platform.requests.api.RequestAuthentication.Citizens.class,
        fr.cite.platform.requests.api.RequestAuthentication.Staff.class,
        fr.cite.platform.incidents.api.IncidentsResource.class,
        fr.cite.platform.incidents.api.IncidentDeskResource.class,
        fr.cite.platform.incidents.api.IncidentAdminResource.class,
        fr.cite.platform.incidents.api.CommuneOutlineResource.class,
        fr.cite.platform.family.api.FamilyResource.class,
        fr.cite.platform.family.api.FamilyDeskResource.class,
        fr.cite.platform.family.api.FamilyStaffAuthentication.class,
        fr.cite.payments.api.FamilyBillingResource.class,
        fr.cite.payments.api.RequestFeeResource.class,
        fr.cite.payments.api.BillingDeskResource.class,
        fr.cite.payments.api.FinanceStaffAuthentication.class,
        fr.cite.payments.api.StripeWebhookResource.class,
        StaffResource.class,
        TownAdminAuthentication.class,
        OperatorAuthentication.class,
        ProblemExceptionMapper.class,
        ValidationExceptionMapper.class,
        WebApplicationExceptionMapper.class,
        WebApplicationExceptionMapper.JsonbExceptionMapper.class,
        WebApplicationExceptionMapper.ProcessingExceptionMapper.class,
        WebApplicationExceptionMapper.JsonExceptionMapper.class,
        fr.cite.platform.problem.RequestBodyGuard.class,
        UnexpectedExceptionMapper.class);
  }
}
