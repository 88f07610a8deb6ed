package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An adult of a household with their own account (subject), or invited by e-mail and not joined yet
 * (only the hash of the invitation's secret is kept). An account has at most one household per
 * town.
 */
@Entity
@Table(name = "family_guardian")
public class Guardian extends FamilyRecord {

  @Column(name = "household_id", nullable = false, updatable = false)
  private Long householdId;

  @Column(name = "subject", length = 64)
  private String subject;

  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "email", length = 254, nullable = false)
  private String email;

  @Column(name = "phone", length = 30)
  private String phone;

  @Column(name = "invitation_hash", length = 64)
  private String invitationHash;

  @Column(name = "invited_at")
  private Instant invitedAt;

  @Column(name = "joined_at")
  private Instant joinedAt;

  protected Guardian() {}

  /** The adult who created the household. */
  public static Guardian founder(
      Household h, String subject, String name, String email, Instant now) {
    Guardian g = new Guardian();
    g.householdId = h.id();
    g.subject = subject;
    g.name = name;
    g.email = email;
    g.joinedAt = now;
    return g;
  }

  /** A second adult, invited by e-mail. */
  public static Guardian invited(
      Household h, String name, String email, String invitationHash, Instant now) {
    Guardian g = new Guardian();
    g.householdId = h.id();
    g.name = name;
    g.email = email;
    g.invitationHash = invitationHash;
    g.invitedAt = now;
    return g;
  }

  public void join(String subject, Instant now) {
    this.subject = subject;
    this.invitationHash = null;
    this.joinedAt = now;
  }

  /** The adult's account leaves the household; nothing that names them is kept. */
  public void forget() {
    this.subject = null;
    this.name = "Compte supprimé";
    this.email = "supprime-" + id() + "@invalid";
    this.phone = null;
    this.invitationHash = null;
  }

  public void phone(String phone) {
    this.phone = phone;
  }

  public long householdId() {
    return householdId;
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public boolean joined() {
    return joinedAt != null;
  }

  public Instant invitedAt() {
    return invitedAt;
  }
}
