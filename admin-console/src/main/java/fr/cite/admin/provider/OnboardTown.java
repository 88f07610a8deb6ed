package fr.cite.admin.provider;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.communes.Commune;
import fr.cite.platform.communes.CommuneDirectory;
import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantDirectory;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.towns.application.TownOperations;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The onboarding wizard of the provider console: find the commune in the official list (name,
 * postcode or INSEE code), check its slug and host, give the first administrator's e-mail and the
 * status, create. The town is onboarded exactly as through the provider API, and audited.
 */
@Named("onboardTown")
@ViewScoped
public class OnboardTown implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A commune offered by the search. */
  public record Option(String inseeCode, String label) implements Serializable {}

  @Inject CommuneDirectory communes;

  @Inject TownOperations operations;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  @Inject RequestHost host;

  @Inject fr.cite.platform.tenancy.application.TownRegistry registry;

  private int step = 1;
  private String inseeCode;
  private String adminEmail;
  private TenantStatus status = TenantStatus.TRIAL;
  private String createdSlug;
  private String invitationUrl;

  /** Communes matching what the operator types, for the search box. */
  public List<Option> complete(String text) {
    return communes.communes().search(text, 12).stream()
        .map(
            c ->
                new Option(
                    c.inseeCode(),
                    c.name()
                        + " ("
                        + c.departement()
                        + ") · INSEE "
                        + c.inseeCode()
                        + (c.postcodes().isEmpty()
                            ? ""
                            : " · " + String.join(", ", c.postcodes()))))
        .toList();
  }

  public Optional<Commune> getCommune() {
    return inseeCode == null ? Optional.empty() : communes.communes().find(inseeCode);
  }

  public String getPostcodes() {
    return getCommune().map(c -> String.join(", ", c.postcodes())).orElse("");
  }

  public String getSlug() {
    return inseeCode == null ? null : communes.communes().slugOf(inseeCode);
  }

  public String getHostUrl() {
    return getSlug() == null ? null : config.publicUrl(directory.platformHostOf(getSlug())) + "/";
  }

  /** Whether the commune is already a town of the platform. */
  public boolean isAlreadyOnboarded() {
    return getSlug() != null && registry.exists(getSlug());
  }

  public void next() {
    if (step == 1 && getCommune().isEmpty()) {
      ConsoleMessages.error("onboard.chooseCommune");
      return;
    }
    if (step == 2 && isAlreadyOnboarded()) {
      ConsoleMessages.error("onboard.already");
      return;
    }
    step++;
  }

  public void back() {
    step = Math.max(1, step - 1);
  }

  /** Creates the town and invites its first administrator. */
  public void create() {
    try {
      Tenant t = operations.onboard(inseeCode, status);
      createdSlug = t.slug();
      if (adminEmail != null && !adminEmail.isBlank()) {
        invitationUrl = operations.invite(t.slug(), adminEmail.strip(), StaffRole.TOWN_ADMIN).url();
      }
      step = 4;
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void restart() {
    step = 1;
    inseeCode = null;
    adminEmail = null;
    status = TenantStatus.TRIAL;
    createdSlug = null;
    invitationUrl = null;
  }

  public List<TenantStatus> getStatuses() {
    return List.of(TenantStatus.TRIAL, TenantStatus.LIVE);
  }

  public int getStep() {
    return step;
  }

  public String getInseeCode() {
    return inseeCode;
  }

  public void setInseeCode(String inseeCode) {
    this.inseeCode = inseeCode;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public void setStatus(TenantStatus status) {
    this.status = status;
  }

  public String getCreatedSlug() {
    return createdSlug;
  }

  public String getInvitationUrl() {
    return invitationUrl;
  }

  public String getCreatedPortalUrl() {
    return createdSlug == null
        ? null
        : config.publicUrl(directory.platformHostOf(createdSlug)) + "/";
  }
}
