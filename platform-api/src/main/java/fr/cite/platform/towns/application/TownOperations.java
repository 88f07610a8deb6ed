package fr.cite.platform.towns.application;

import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.audit.domain.AuditEntry;
import fr.cite.platform.identity.application.TownIdentitySync;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.staff.application.StaffDirectory;
import fr.cite.platform.staff.domain.StaffRole;
import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import fr.cite.platform.tenancy.application.TownRegistry;
import fr.cite.platform.tenancy.domain.Branding;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.tenancy.domain.TenantStatus;
import fr.cite.platform.town.application.LogoInfo;
import fr.cite.platform.town.application.TownProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the platform's operators do to towns, whether from the provider API or the provider console:
 * onboard, invite staff, suspend and reactivate, rebrand, replace the logo. Each step runs in its
 * own transaction (see {@link TownOnboarding}); each action that succeeds is written to the audit
 * log with the value before and after.
 */
@ApplicationScoped
public class TownOperations {

  @Inject TownOnboarding onboarding;

  @Inject TownRegistry registry;

  @Inject TownIdentitySync identity;

  @Inject StaffDirectory staff;

  @Inject TownProfiles profiles;

  @Inject TenantWork work;

  @Inject AuditLog audit;

  public Tenant onboard(String inseeCode, TenantStatus status) {
    Tenant t = onboarding.onboard(inseeCode, status);
    audit.record(
        AuditEntry.ActorKind.OPERATOR,
        t.id(),
        "town.onboarded",
        t.slug(),
        null,
        t.officialName() + " (" + t.inseeCode() + "), " + t.status());
    return t;
  }

  public Tenant completeProvisioning(String slug) {
    return onboarding.completeProvisioning(registry.findBySlug(slug));
  }

  public StaffDirectory.Invitation invite(String slug, String email, StaffRole role) {
    Tenant t = registry.findBySlug(slug);
    StaffDirectory.Invitation invitation =
        work.runAs(
            new TenantRef(t.id(), t.slug()),
            () -> staff.invite(email, role, "operator", t.officialName()));
    audit.record(AuditEntry.ActorKind.OPERATOR, t.id(), "staff.invited", email, null, role.name());
    return invitation;
  }

  /** Suspends (with a reason) or reactivates a town. */
  public Tenant changeStatus(String slug, TenantStatus to, String reason) {
    TenantStatus before = registry.findBySlug(slug).status();
    Tenant t;
    if (to == TenantStatus.SUSPENDED) {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.badRequest("bad-parameter", "reason", "");
      }
      t = registry.suspend(slug, reason.strip());
    } else {
      t = registry.reactivate(slug, to);
    }
    identity.synchronise(slug);
    audit.record(
        AuditEntry.ActorKind.OPERATOR,
        t.id(),
        to == TenantStatus.SUSPENDED ? "town.suspended" : "town.reactivated",
        slug,
        before.name(),
        to.name() + (to == TenantStatus.SUSPENDED ? ": " + reason.strip() : ""));
    return registry.findBySlug(slug);
  }

  public Tenant rebrand(String slug, Branding branding) {
    return rebrand(slug, branding, AuditEntry.ActorKind.OPERATOR);
  }

  /** New colours, by an operator or by the town's own administrator. */
  public Tenant rebrand(String slug, Branding branding, AuditEntry.ActorKind by) {
    Branding before = registry.findBySlug(slug).branding();
    Tenant t = registry.rebrand(slug, branding);
    identity.synchronise(slug);
    audit.record(by, t.id(), "town.rebranded", slug, colours(before), colours(branding));
    return registry.findBySlug(slug);
  }

  /** The portal's default language, by an operator or by the town's own administrator. */
  public Tenant changeDefaultLanguage(String slug, String language, AuditEntry.ActorKind by) {
    String before = registry.findBySlug(slug).defaultLocale();
    Tenant t = registry.changeDefaultLanguage(slug, language);
    audit.record(by, t.id(), "town.language-changed", slug, before, language);
    return registry.findBySlug(slug);
  }

  public LogoInfo replaceLogo(String slug, byte[] image) {
    return replaceLogo(slug, image, AuditEntry.ActorKind.OPERATOR);
  }

  /** A new logo, by an operator or by the town's own administrator. */
  public LogoInfo replaceLogo(String slug, byte[] image, AuditEntry.ActorKind by) {
    Tenant t = registry.findBySlug(slug);
    LogoInfo logo = work.runAs(new TenantRef(t.id(), t.slug()), () -> profiles.replaceLogo(image));
    audit.record(
        by,
        t.id(),
        "town.logo-replaced",
        slug,
        null,
        logo.contentType() + " " + logo.width() + "×" + logo.height());
    return logo;
  }

  private static String colours(Branding b) {
    return b.primary().value() + " / " + b.secondary().value();
  }
}
