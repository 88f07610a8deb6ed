package fr.cite.platform.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.TenantId;

/**
 * A member of a town's staff. Invited by e-mail with a single-use token (only its hash is kept);
 * accepting links the Keycloak account that signed in ({@code subject}) to the role in this town.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

  @Id
  @SequenceGenerator(
      name = "staff_member_seq",
      sequenceName = "staff_member_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_member_seq")
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(name = "email", length = 254, nullable = false)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 20, nullable = false)
  private StaffRole role;

  @Column(name = "subject", length = 64)
  private String subject;

  @Column(name = "invitation_hash", length = 64)
  private String invitationHash;

  @Column(name = "invitation_expires")
  private Instant invitationExpires;

  @Column(name = "invited_by", length = 254, nullable = false)
  private String invitedBy;

  @Column(name = "invited_at", nullable = false)
  private Instant invitedAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  protected StaffMember() {}

  public static StaffMember invite(
      String email,
      StaffRole role,
      String invitedBy,
      String invitationHash,
      Instant expires,
      Instant now) {
    StaffMember m = new StaffMember();
    m.email = Objects.requireNonNull(email).strip().toLowerCase(Locale.ROOT);
    m.role = Objects.requireNonNull(role);
    m.invitedBy = Objects.requireNonNull(invitedBy);
    m.invitationHash = Objects.requireNonNull(invitationHash);
    m.invitationExpires = expires;
    m.invitedAt = now;
    return m;
  }

  /** Links the account that accepted; the invitation cannot be used again. */
  public void accept(String accountSubject, Instant now) {
    if (!isInvitationValid(now)) {
      throw new IllegalStateException("Invitation no longer valid");
    }
    subject = Objects.requireNonNull(accountSubject);
    acceptedAt = now;
    invitationHash = null;
    invitationExpires = null;
  }

  /** A new invitation for the same person and role (for instance the first one expired). */
  public void reinvite(String invitationHash, Instant expires) {
    this.invitationHash = invitationHash;
    this.invitationExpires = expires;
  }

  public boolean isInvitationValid(Instant now) {
    return invitationHash != null && invitationExpires != null && invitationExpires.isAfter(now);
  }

  public void changeRole(StaffRole newRole) {
    role = Objects.requireNonNull(newRole);
  }

  public Long id() {
    return id;
  }

  public String email() {
    return email;
  }

  public StaffRole role() {
    return role;
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public Optional<Instant> acceptedAt() {
    return Optional.ofNullable(acceptedAt);
  }

  public Instant invitedAt() {
    return invitedAt;
  }
}
