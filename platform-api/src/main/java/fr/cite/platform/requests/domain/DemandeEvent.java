package fr.cite.platform.requests.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of a request's history: created, submitted, a status change (with the message sent to
 * the citizen), a message from either side, an internal note (agents only), an assignment.
 */
@Entity
@Table(name = "demande_event")
public class DemandeEvent extends RequestRecord {

  /** What happened. */
  public enum Kind {
    CREATED,
    SUBMITTED,
    STATUS,
    MESSAGE,
    NOTE,
    ASSIGNED;

    /** Whether the citizen sees it (internal notes and assignments are the town's). */
    public boolean citizenSees() {
      return this != NOTE && this != ASSIGNED;
    }
  }

  /** Who did it. */
  public enum Actor {
    CITIZEN,
    AGENT,
    SYSTEM
  }

  @Column(name = "demande_id", nullable = false, updatable = false)
  private Long demandeId;

  @Column(name = "at", nullable = false, updatable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 16, nullable = false, updatable = false)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_kind", length = 16, nullable = false, updatable = false)
  private Actor actor;

  @Column(name = "actor_name", length = 254)
  private String actorName;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 16, updatable = false)
  private RequestStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", length = 16, updatable = false)
  private RequestStatus toStatus;

  @Column(name = "text")
  private String text;

  protected DemandeEvent() {}

  public DemandeEvent(
      Demande demande,
      Kind kind,
      Actor actor,
      String actorName,
      RequestStatus from,
      RequestStatus to,
      String text,
      Instant at) {
    this.demandeId = demande.id();
    this.kind = kind;
    this.actor = actor;
    this.actorName = actorName;
    this.fromStatus = from;
    this.toStatus = to;
    this.text = text;
    this.at = at;
  }

  /** The citizen's name is removed when they delete their account. */
  public void anonymise() {
    if (actor == Actor.CITIZEN) {
      actorName = null;
    }
  }

  public long demandeId() {
    return demandeId;
  }

  public Instant at() {
    return at;
  }

  public Kind kind() {
    return kind;
  }

  public Actor actor() {
    return actor;
  }

  public Optional<String> actorName() {
    return Optional.ofNullable(actorName);
  }

  public Optional<RequestStatus> fromStatus() {
    return Optional.ofNullable(fromStatus);
  }

  public Optional<RequestStatus> toStatus() {
    return Optional.ofNullable(toStatus);
  }

  public Optional<String> text() {
    return Optional.ofNullable(text);
  }
}
