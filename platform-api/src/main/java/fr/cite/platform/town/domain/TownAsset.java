package fr.cite.platform.town.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** A town's image, stored in the database so that any node can serve it. */
@Entity
@Table(name = "town_asset")
public class TownAsset {

  /** What an asset is for; one of each kind per town. */
  public enum Kind {
    LOGO
  }

  @Id
  @SequenceGenerator(name = "town_asset_seq", sequenceName = "town_asset_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "town_asset_seq")
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 20, nullable = false)
  private Kind kind;

  @Column(name = "content_type", length = 50, nullable = false)
  private String contentType;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false)
  private byte[] content;

  @Column(name = "sha256", length = 64, nullable = false)
  private String sha256;

  @Column(name = "width", nullable = false)
  private int width;

  @Column(name = "height", nullable = false)
  private int height;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TownAsset() {}

  public TownAsset(Kind kind, ValidatedImage image, Instant now) {
    this.kind = kind;
    replaceWith(image, now);
  }

  public final void replaceWith(ValidatedImage image, Instant now) {
    this.contentType = image.contentType();
    this.content = image.bytes();
    this.sha256 = image.sha256();
    this.width = image.width();
    this.height = image.height();
    this.createdAt = now;
  }

  public Kind kind() {
    return kind;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] content() {
    return content.clone();
  }

  public String sha256() {
    return sha256;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }
}
