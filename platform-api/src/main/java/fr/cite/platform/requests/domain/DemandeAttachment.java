package fr.cite.platform.requests.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A file of a request, in the database (not a local folder): a form's file field, or a file joined
 * to a message. Checked on the way in (size, type by magic bytes); served as an attachment.
 */
@Entity
@Table(name = "demande_attachment")
public class DemandeAttachment extends RequestRecord {

  @Column(name = "demande_id", nullable = false, updatable = false)
  private Long demandeId;

  @Column(name = "event_id", updatable = false)
  private Long eventId;

  @Column(name = "field", length = 80, updatable = false)
  private String field;

  @Column(name = "file_name", length = 200, nullable = false, updatable = false)
  private String fileName;

  @Column(name = "content_type", length = 100, nullable = false, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private int size;

  @Column(name = "sha256", length = 64, nullable = false, updatable = false)
  private String sha256;

  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected DemandeAttachment() {}

  public DemandeAttachment(
      Demande demande, DemandeEvent event, String field, CheckedFile file, Instant now) {
    this.demandeId = demande.id();
    this.eventId = event == null ? null : event.id();
    this.field = field;
    this.fileName = file.fileName();
    this.contentType = file.contentType();
    this.size = file.content().length;
    this.sha256 = file.sha256();
    this.content = file.content();
    this.createdAt = now;
  }

  /** {@code attachment; filename="..."; filename*=UTF-8''...}: never shown inline. */
  public String contentDisposition() {
    return "attachment; filename=\""
        + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
        + "\"; filename*=UTF-8''"
        + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  /** Sends the file as a download: type, disposition, no caching, no sniffing. */
  public void writeTo(jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
    res.setContentType(contentType);
    res.setHeader("Content-Disposition", contentDisposition());
    res.setHeader("Cache-Control", "private, no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setContentLength(size);
    res.getOutputStream().write(content);
  }

  public long demandeId() {
    return demandeId;
  }

  public Optional<Long> eventId() {
    return Optional.ofNullable(eventId);
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public int size() {
    return size;
  }

  public byte[] content() {
    return content.clone();
  }

  public Instant createdAt() {
    return createdAt;
  }
}
