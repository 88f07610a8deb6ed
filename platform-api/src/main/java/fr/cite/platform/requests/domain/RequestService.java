package fr.cite.platform.requests.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/** A service of the town that handles requests (voirie, scolaire, CCAS…). */
@Entity
@Table(name = "request_service")
public class RequestService extends RequestRecord {

  @Column(name = "slug", length = 80, nullable = false)
  private String slug;

  @Column(name = "name_fr", length = 120, nullable = false)
  private String nameFr;

  @Column(name = "name_en", length = 120)
  private String nameEn;

  @Column(name = "email", length = 254)
  private String email;

  protected RequestService() {}

  public RequestService(String slug, LocalizedText name, String email) {
    this.slug = slug;
    this.nameFr = name.fr();
    this.nameEn = name.en();
    this.email = email;
  }

  public String slug() {
    return slug;
  }

  public LocalizedText name() {
    return LocalizedText.of(nameFr, nameEn);
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }
}
