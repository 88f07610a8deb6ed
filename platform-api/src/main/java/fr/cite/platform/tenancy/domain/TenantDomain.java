package fr.cite.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A custom domain of a town ({@code demarches.ville-exemple.fr}). Only a verified domain serves the
 * town's portal; verification by published token arrives with the admin console.
 */
@Entity
@Table(name = "tenant_domain")
public class TenantDomain {

  @Id
  @SequenceGenerator(
      name = "tenant_domain_seq",
      sequenceName = "tenant_domain_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_domain_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private Long tenantId;

  @Column(name = "host", length = 253, nullable = false, unique = true)
  private String host;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TenantDomain() {}

  public TenantDomain(Long tenantId, String host, Instant now) {
    this.tenantId = tenantId;
    this.host = host.strip().toLowerCase(Locale.ROOT);
    this.createdAt = now;
  }

  public void markVerified(Instant now) {
    verifiedAt = now;
  }

  public Long tenantId() {
    return tenantId;
  }

  public String host() {
    return host;
  }

  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt);
  }
}
