package fr.cite.platform.requests.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A request ("demande") of a citizen to the town: its type, reference, who filed it (an account, or
 * nobody with a secret tracking code), through which channel, the form's data, the service that
 * handles it and the agent it is assigned to, its status and times. Its history, messages, notes
 * and attachments are {@link DemandeEvent}s and {@link DemandeAttachment}s.
 */
@Entity
@Table(name = "demande")
public class Demande extends RequestRecord {

  @Column(name = "type_id", nullable = false, updatable = false)
  private Long typeId;

  @Column(name = "reference", length = 32)
  private String reference;

  @Column(name = "citizen_subject", length = 64)
  private String citizenSubject;

  @Column(name = "citizen_name", length = 200)
  private String citizenName;

  @Column(name = "citizen_email", length = 254)
  private String citizenEmail;

  @Column(name = "citizen_phone", length = 30)
  private String citizenPhone;

  @Column(name = "tracking_hash", length = 64)
  private String trackingHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", length = 16, nullable = false)
  private RequestChannel channel;

  @Column(name = "language", length = 2, nullable = false)
  private String language = "fr";

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "form_data", nullable = false)
  private String formData;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private RequestStatus status;

  @Column(name = "service_id", nullable = false)
  private Long serviceId;

  @Column(name = "assignee_subject", length = 64)
  private String assigneeSubject;

  @Column(name = "assignee_name", length = 254)
  private String assigneeName;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "anonymised_at")
  private Instant anonymisedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Demande() {}

  /** A new request, a draft until {@link #submit}. */
  public Demande(
      RequestType type, Citizen citizen, RequestChannel channel, String formDataJson, Instant now) {
    this.typeId = type.id();
    this.serviceId = type.serviceId();
    this.citizenSubject = citizen.subject();
    this.citizenName = citizen.name();
    this.citizenEmail = citizen.email();
    this.citizenPhone = citizen.phone();
    this.channel = channel;
    this.formData = formDataJson;
    this.status = RequestStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Who filed it: an account (subject), or only contact details. */
  public record Citizen(String subject, String name, String email, String phone) {}

  public void rewrite(String formDataJson, Instant now) {
    if (status != RequestStatus.DRAFT) {
      throw new IllegalStateException("Only a draft can be rewritten");
    }
    this.formData = formDataJson;
    this.updatedAt = now;
  }

  /** Sends the draft: it gets its reference; the tracking hash is for requests without account. */
  public void submit(String reference, String trackingHash, Instant now) {
    if (status != RequestStatus.DRAFT) {
      throw new IllegalStateException("Already submitted");
    }
    this.reference = reference;
    this.trackingHash = trackingHash;
    this.status = RequestStatus.SUBMITTED;
    this.submittedAt = now;
    this.updatedAt = now;
  }

  public void moveTo(RequestStatus to, Instant now) {
    this.status = to;
    this.updatedAt = now;
    this.closedAt = to.closed() ? now : null;
  }

  public void assignTo(String subject, String name, Instant now) {
    this.assigneeSubject = subject;
    this.assigneeName = name;
    this.updatedAt = now;
  }

  public void touched(Instant now) {
    this.updatedAt = now;
  }

  /**
   * The citizen deleted their account: the request stays (the town must keep it) without anything
   * that names them.
   */
  public void anonymise(Instant now) {
    this.citizenSubject = null;
    this.citizenName = null;
    this.citizenEmail = null;
    this.citizenPhone = null;
    this.trackingHash = null;
    this.anonymisedAt = now;
    this.updatedAt = now;
  }

  public long typeId() {
    return typeId;
  }

  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  public Optional<String> citizenSubject() {
    return Optional.ofNullable(citizenSubject);
  }

  public Optional<String> citizenName() {
    return Optional.ofNullable(citizenName);
  }

  public Optional<String> citizenEmail() {
    return Optional.ofNullable(citizenEmail);
  }

  public Optional<String> citizenPhone() {
    return Optional.ofNullable(citizenPhone);
  }

  public Optional<String> trackingHash() {
    return Optional.ofNullable(trackingHash);
  }

  /** The language the citizen filed in: e-mails about the request are written in it. */
  public String language() {
    return language;
  }

  public void speaks(String language) {
    this.language = "en".equals(language) ? "en" : "fr";
  }

  public RequestChannel channel() {
    return channel;
  }

  public String formData() {
    return formData;
  }

  public RequestStatus status() {
    return status;
  }

  public long serviceId() {
    return serviceId;
  }

  public Optional<String> assigneeSubject() {
    return Optional.ofNullable(assigneeSubject);
  }

  public Optional<String> assigneeName() {
    return Optional.ofNullable(assigneeName);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> submittedAt() {
    return Optional.ofNullable(submittedAt);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public boolean anonymised() {
    return anonymisedAt != null;
  }
}
