package fr.cite.platform.audit.domain;

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
import java.util.Objects;
import java.util.Optional;

/** One action: who, what, when, on which town and target, with the value before and after. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  /** Who acted. */
  public enum ActorKind {
    OPERATOR,
    TOWN_STAFF,
    SYSTEM
  }

  @Id
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  private Long id;

  @Column(name = "at", nullable = false, updatable = false)
  private Instant at;

  @Column(name = "actor", length = 254, nullable = false, updatable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_kind", length = 16, nullable = false, updatable = false)
  private ActorKind actorKind;

  @Column(name = "tenant_id", updatable = false)
  private Long tenantId;

  @Column(name = "action", length = 60, nullable = false, updatable = false)
  private String action;

  @Column(name = "target", length = 200, updatable = false)
  private String target;

  @Column(name = "before_value", updatable = false)
  private String before;

  @Column(name = "after_value", updatable = false)
  private String after;

  protected AuditEntry() {}

  public AuditEntry(
      Instant at,
      String actor,
      ActorKind actorKind,
      Long tenantId,
      String action,
      String target,
      String before,
      String after) {
    this.at = Objects.requireNonNull(at);
    this.actor = truncate(Objects.requireNonNull(actor), 254);
    this.actorKind = Objects.requireNonNull(actorKind);
    this.tenantId = tenantId;
    this.action = Objects.requireNonNull(action);
    this.target = target == null ? null : truncate(target, 200);
    this.before = before;
    this.after = after;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public ActorKind actorKind() {
    return actorKind;
  }

  public Optional<Long> tenantId() {
    return Optional.ofNullable(tenantId);
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }
}
