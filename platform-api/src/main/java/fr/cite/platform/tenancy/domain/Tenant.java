package fr.cite.platform.tenancy.domain;

import fr.cite.platform.communes.Commune;
import fr.cite.platform.communes.Slugs;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A town on the platform: the tenant every tenant-owned row points to. Platform-level itself (no
 * row-level security), because the host of a request has to be resolved before any tenant is known.
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = "Tenant.findBySlug", query = "select t from Tenant t where t.slug = :slug")
@NamedQuery(
    name = "Tenant.findByInsee",
    query = "select t from Tenant t where t.inseeCode = :insee")
@NamedQuery(
    name = "Tenant.findByVerifiedDomain",
    query =
        "select t from Tenant t where t.id ="
            + " (select d.tenantId from TenantDomain d where d.host = :host and d.verifiedAt is not null)")
public class Tenant {

  @Id
  @SequenceGenerator(name = "tenant_seq", sequenceName = "tenant_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_seq")
  private Long id;

  @Column(name = "slug", length = 80, nullable = false, unique = true)
  private String slug;

  @Column(name = "official_name", length = 120, nullable = false)
  private String officialName;

  @Column(name = "name_type", nullable = false)
  private short nameType;

  @Column(name = "insee_code", length = 5, nullable = false, unique = true)
  private String inseeCode;

  @Column(name = "siren", length = 9)
  private String siren;

  @Column(name = "departement_code", length = 3, nullable = false)
  private String departementCode;

  @Column(name = "region_code", length = 3)
  private String regionCode;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "postcodes", nullable = false)
  private String[] postcodes;

  @Column(name = "population")
  private Integer population;

  @Embedded private Branding branding;

  @Column(name = "default_locale", length = 5, nullable = false)
  private String defaultLocale;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private TenantStatus status;

  @Column(name = "status_reason", length = 500)
  private String statusReason;

  @Column(name = "provisioned_at")
  private Instant provisionedAt;

  @Column(name = "identity_org_id", length = 36)
  private String identityOrgId;

  @Column(name = "identity_synced_at")
  private Instant identitySyncedAt;

  @Column(name = "identity_error", length = 500)
  private String identityError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Tenant() {}

  /** A town onboarded from the official list, in the given initial status (trial or live). */
  public static Tenant onboard(Commune commune, String slug, TenantStatus initial, Instant now) {
    Objects.requireNonNull(commune, "commune");
    if (!Slugs.isValid(slug)) {
      throw new IllegalArgumentException("Invalid slug " + slug);
    }
    if (initial == TenantStatus.SUSPENDED) {
      throw new IllegalArgumentException("A town cannot be onboarded suspended");
    }
    Tenant t = new Tenant();
    t.slug = slug;
    t.officialName = commune.name();
    t.nameType = (short) commune.nameType();
    t.inseeCode = commune.inseeCode();
    t.siren = commune.siren();
    t.departementCode = commune.departement();
    t.regionCode = commune.region();
    t.postcodes = commune.postcodes().toArray(String[]::new);
    t.population = commune.population();
    t.branding = Branding.DEFAULT;
    t.defaultLocale = "fr";
    t.status = Objects.requireNonNull(initial, "initial");
    t.createdAt = now;
    t.updatedAt = now;
    return t;
  }

  /** Stops serving the town's portal; the reason is kept for operators. */
  public void suspend(String reason, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A suspension needs a reason");
    }
    status = TenantStatus.SUSPENDED;
    statusReason = reason.strip();
    updatedAt = now;
    identitySyncedAt = null;
  }

  /** Serves the town again, as a trial or live town. */
  public void reactivate(TenantStatus to, Instant now) {
    if (to == TenantStatus.SUSPENDED) {
      throw new IllegalArgumentException("Use suspend()");
    }
    boolean wasSuspended = status == TenantStatus.SUSPENDED;
    status = to;
    statusReason = null;
    updatedAt = now;
    if (wasSuspended) {
      identitySyncedAt = null;
    }
  }

  public void rebrand(Branding newBranding, Instant now) {
    branding = Objects.requireNonNull(newBranding);
    updatedAt = now;
    identitySyncedAt = null;
  }

  /**
   * The language the portal speaks to a reader who has not chosen one ({@code fr} or {@code en}).
   */
  public void changeDefaultLocale(String language, Instant now) {
    if (!"fr".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("Unsupported language " + language);
    }
    defaultLocale = language;
    updatedAt = now;
  }

  /** Records that every onboarding step (starter content, later identity) completed. */
  public void markProvisioned(Instant now) {
    provisionedAt = now;
    updatedAt = now;
  }

  /** Records that Keycloak knows the town as it is now (organization, hosts, enabled or not). */
  public void identitySynced(String organizationId, Instant now) {
    identityOrgId = organizationId;
    identitySyncedAt = now;
    identityError = null;
  }

  /**
   * Records that the town's identity could not be brought in sync (Keycloak unreachable, refused);
   * the town stays "identity pending" until a retry succeeds.
   */
  public void identityPending(String error) {
    identitySyncedAt = null;
    identityError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
  }

  public Optional<String> identityOrganizationId() {
    return Optional.ofNullable(identityOrgId);
  }

  public boolean isIdentityPending() {
    return identitySyncedAt == null;
  }

  public Optional<String> identityError() {
    return Optional.ofNullable(identityError);
  }

  public boolean isProvisioned() {
    return provisionedAt != null;
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String officialName() {
    return officialName;
  }

  public int nameType() {
    return nameType;
  }

  public String inseeCode() {
    return inseeCode;
  }

  public Optional<String> siren() {
    return Optional.ofNullable(siren);
  }

  public String departementCode() {
    return departementCode;
  }

  public Optional<String> regionCode() {
    return Optional.ofNullable(regionCode);
  }

  public List<String> postcodes() {
    return List.of(postcodes);
  }

  public Optional<Integer> population() {
    return Optional.ofNullable(population);
  }

  public Branding branding() {
    return branding;
  }

  public String defaultLocale() {
    return defaultLocale;
  }

  public TenantStatus status() {
    return status;
  }

  public Optional<String> statusReason() {
    return Optional.ofNullable(statusReason);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tenant t && t.inseeCode.equals(inseeCode);
  }

  @Override
  public int hashCode() {
    return inseeCode.hashCode();
  }
}
