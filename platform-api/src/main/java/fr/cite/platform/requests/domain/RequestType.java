package fr.cite.platform.requests.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A kind of request a town accepts: its form, the service that handles it, the catalogue procedure
 * whose "online" channel leads to it, and whether citizens without an account may file it (with a
 * tracking code).
 */
@Entity
@Table(name = "request_type")
public class RequestType extends RequestRecord {

  @Column(name = "slug", length = 80, nullable = false)
  private String slug;

  @Column(name = "name_fr", length = 160, nullable = false)
  private String nameFr;

  @Column(name = "name_en", length = 160)
  private String nameEn;

  @Column(name = "description_fr", length = 1000)
  private String descriptionFr;

  @Column(name = "description_en", length = 1000)
  private String descriptionEn;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "form_schema", nullable = false)
  private String formSchema;

  @Column(name = "service_id", nullable = false)
  private Long serviceId;

  @Column(name = "procedure_slug", length = 130)
  private String procedureSlug;

  @Column(name = "anonymous", nullable = false)
  private boolean anonymous;

  @Column(name = "active", nullable = false)
  private boolean active = true;

  @Column(name = "position", nullable = false)
  private int position;

  protected RequestType() {}

  public RequestType(
      String slug,
      LocalizedText name,
      LocalizedText description,
      FormSchema form,
      RequestService service,
      String procedureSlug,
      boolean anonymous,
      int position) {
    this.slug = slug;
    this.nameFr = name.fr();
    this.nameEn = name.en();
    this.descriptionFr = description == null ? null : description.fr();
    this.descriptionEn = description == null ? null : description.en();
    this.formSchema = form.toJson();
    this.serviceId = service.id();
    this.procedureSlug = procedureSlug;
    this.anonymous = anonymous;
    this.position = position;
  }

  /** Rewrites what the type is, asks and leads to. */
  public void redefine(
      LocalizedText name,
      LocalizedText description,
      FormSchema form,
      RequestService service,
      String procedureSlug,
      boolean anonymous,
      boolean active) {
    this.nameFr = name.fr();
    this.nameEn = name.en();
    this.descriptionFr = description == null ? null : description.fr();
    this.descriptionEn = description == null ? null : description.en();
    this.formSchema = form.toJson();
    this.serviceId = service.id();
    this.procedureSlug = procedureSlug;
    this.anonymous = anonymous;
    this.active = active;
  }

  public String slug() {
    return slug;
  }

  public LocalizedText name() {
    return LocalizedText.of(nameFr, nameEn);
  }

  public Optional<LocalizedText> description() {
    return descriptionFr == null
        ? Optional.empty()
        : Optional.of(LocalizedText.of(descriptionFr, descriptionEn));
  }

  public FormSchema form() {
    return FormSchema.parse(formSchema);
  }

  public long serviceId() {
    return serviceId;
  }

  public Optional<String> procedureSlug() {
    return Optional.ofNullable(procedureSlug);
  }

  public boolean anonymous() {
    return anonymous;
  }

  public boolean active() {
    return active;
  }

  public int position() {
    return position;
  }
}
