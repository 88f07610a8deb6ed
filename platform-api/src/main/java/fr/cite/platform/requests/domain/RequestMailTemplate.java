package fr.cite.platform.requests.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * A town's own wording of the e-mail sent when a request reaches a status, for one type or for all
 * ({@code typeId} null), in one language. Placeholders: {@code {reference}}, {@code {type}}, {@code
 * {status}}, {@code {message}}, {@code {town}}, {@code {link}}.
 */
@Entity
@Table(name = "request_mail_template")
public class RequestMailTemplate extends RequestRecord {

  @Column(name = "type_id")
  private Long typeId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private RequestStatus status;

  @Column(name = "language", length = 2, nullable = false)
  private String language;

  @Column(name = "subject", length = 200, nullable = false)
  private String subject;

  @Column(name = "body", nullable = false)
  private String body;

  protected RequestMailTemplate() {}

  public RequestMailTemplate(
      Long typeId, RequestStatus status, String language, String subject, String body) {
    this.typeId = typeId;
    this.status = status;
    this.language = language;
    this.subject = subject;
    this.body = body;
  }

  public void reword(String subject, String body) {
    this.subject = subject;
    this.body = body;
  }

  public Optional<Long> typeId() {
    return Optional.ofNullable(typeId);
  }

  public RequestStatus status() {
    return status;
  }

  public String language() {
    return language;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }
}
