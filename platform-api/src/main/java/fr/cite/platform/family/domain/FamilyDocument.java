package fr.cite.platform.family.domain;

import fr.cite.platform.requests.domain.CheckedFile;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A document of a household (or of one of its children), a checked PDF or image kept in the
 * database, with its validity dates and the agent's verdict (accepted, or refused with the reason).
 */
@Entity
@Table(name = "family_document")
public class FamilyDocument extends FamilyRecord {

  @Column(name = "household_id", nullable = false, updatable = false)
  private Long householdId;

  @Column(name = "child_id", updatable = false)
  private Long childId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 24, nullable = false, updatable = false)
  private DocumentKind kind;

  @Column(name = "file_name", length = 200, nullable = false, updatable = false)
  private String fileName;

  @Column(name = "content_type", length = 100, nullable = false, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private int sizeBytes;

  @Column(name = "sha256", length = 64, nullable = false, updatable = false)
  private String sha256;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 12, nullable = false)
  private Checked status = Checked.PENDING;

  @Column(name = "refusal_reason", length = 500)
  private String refusalReason;

  @Column(name = "checked_by", length = 254)
  private String checkedBy;

  @Column(name = "checked_at")
  private Instant checkedAt;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Column(name = "demande_id")
  private Long demandeId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected FamilyDocument() {}

  public FamilyDocument(
      long householdId,
      Long childId,
      DocumentKind kind,
      CheckedFile file,
      LocalDate validFrom,
      LocalDate validTo,
      Instant now) {
    this.householdId = householdId;
    this.childId = childId;
    this.kind = kind;
    this.fileName = file.fileName();
    this.contentType = file.contentType();
    this.sizeBytes = file.content().length;
    this.sha256 = file.sha256();
    this.content = file.content();
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.createdAt = now;
  }

  public void accept(LocalDate validFrom, LocalDate validTo, String by, Instant now) {
    if (validFrom != null) {
      this.validFrom = validFrom;
    }
    if (validTo != null) {
      this.validTo = validTo;
    }
    this.status = Checked.ACCEPTED;
    this.refusalReason = null;
    this.checkedBy = by;
    this.checkedAt = now;
  }

  public void refuse(String reason, String by, Instant now) {
    this.status = Checked.REFUSED;
    this.refusalReason = reason;
    this.checkedBy = by;
    this.checkedAt = now;
  }

  public void reminded(Instant now) {
    this.remindedAt = now;
  }

  public void filedAs(long demandeId) {
    this.demandeId = demandeId;
  }

  public long householdId() {
    return householdId;
  }

  public Long childId() {
    return childId;
  }

  public DocumentKind kind() {
    return kind;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public byte[] content() {
    return content;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public Checked status() {
    return status;
  }

  public String refusalReason() {
    return refusalReason;
  }

  public Long demandeId() {
    return demandeId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
