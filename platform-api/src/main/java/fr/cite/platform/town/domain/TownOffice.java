package fr.cite.platform.town.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.TenantId;

/** A place citizens can visit, call or write to: the town hall, an annex, a service office. */
@Entity
@Table(name = "town_office")
public class TownOffice {

  @Id
  @SequenceGenerator(
      name = "town_office_seq",
      sequenceName = "town_office_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "town_office_seq")
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "street", length = 200)
  private String street;

  @Column(name = "postcode", length = 5)
  private String postcode;

  @Column(name = "city", length = 120)
  private String city;

  @Column(name = "phone", length = 30)
  private String phone;

  @Column(name = "email", length = 254)
  private String email;

  @Column(name = "opening_hours", length = 1000)
  private String openingHours;

  @Column(name = "position", nullable = false)
  private int position;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected TownOffice() {}

  /** The town hall, created with what the official list tells: its name, postcode and city. */
  public static TownOffice townHall(String name, String postcode, String city, Instant now) {
    TownOffice o = new TownOffice();
    o.name = requireText(name, "name");
    o.postcode = postcode;
    o.city = city;
    o.position = 0;
    o.createdAt = now;
    o.updatedAt = now;
    return o;
  }

  private static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.strip();
  }

  public Long id() {
    return id;
  }

  public Long tenantId() {
    return tenantId;
  }

  public String name() {
    return name;
  }

  public Optional<String> street() {
    return Optional.ofNullable(street);
  }

  public Optional<String> postcode() {
    return Optional.ofNullable(postcode);
  }

  public Optional<String> city() {
    return Optional.ofNullable(city);
  }

  public Optional<String> phone() {
    return Optional.ofNullable(phone);
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public Optional<String> openingHours() {
    return Optional.ofNullable(openingHours);
  }

  public int position() {
    return position;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TownOffice other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
