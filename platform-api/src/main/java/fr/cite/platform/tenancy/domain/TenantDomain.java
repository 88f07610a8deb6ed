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

  @Column(name = "verification_token", length = 64, nullable = false)
  private String verificationToken;

  @Column(name = "checked_at")
  private Instant checkedAt;

  @Column(name = "check_error", length = 500)
  private String checkError;

  protected TenantDomain() {}

  public TenantDomain(Long tenantId, String host, Instant now) {
    this.tenantId = tenantId;
    this.host = host.strip().toLowerCase(Locale.ROOT);
    this.createdAt = now;
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    this.verificationToken =
        "cite-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  public void markVerified(Instant now) {
    verifiedAt = now;
    checkedAt = now;
    checkError = null;
  }

  /** A verification attempt that did not find the token. */
  public void checkFailed(String error, Instant now) {
    checkedAt = now;
    checkError = error.length() > 500 ? error.substring(0, 500) : error;
  }

  public Long id() {
    return id;
  }

  /** The text the town publishes to prove it controls the domain. */
  public String verificationToken() {
    return verificationToken;
  }

  public Optional<Instant> checkedAt() {
    return Optional.ofNullable(checkedAt);
  }

  public Optional<String> checkError() {
    return Optional.ofNullable(checkError);
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
