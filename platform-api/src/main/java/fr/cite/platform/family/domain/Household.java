package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A household: who pays and whose children they are; resident or not (tariffs differ). */
@Entity
@Table(name = "family_household")
public class Household extends FamilyRecord {

  @Column(name = "address", length = 300)
  private String address;

  @Column(name = "postcode", length = 10)
  private String postcode;

  @Column(name = "city", length = 120)
  private String city;

  @Column(name = "resident", nullable = false)
  private boolean resident = true;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Household() {}

  public Household(Instant now) {
    this.createdAt = now;
  }

  public void moveTo(String address, String postcode, String city, boolean resident) {
    this.address = address;
    this.postcode = postcode;
    this.city = city;
    this.resident = resident;
  }

  public String address() {
    return address;
  }

  public String postcode() {
    return postcode;
  }

  public String city() {
    return city;
  }

  public boolean resident() {
    return resident;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
