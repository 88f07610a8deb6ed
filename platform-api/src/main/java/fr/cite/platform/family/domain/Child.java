package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A child of a household, with what the staff who look after them must know: school and class,
 * allergies and PAI (individual care plan), who may pick them up, whom to call, image rights.
 */
@Entity
@Table(name = "family_child")
public class Child extends FamilyRecord {

  /** Someone allowed to pick the child up. */
  public record Pickup(String name, String phone) {}

  /** What a parent says of a child. */
  public record Details(
      String firstName,
      String lastName,
      LocalDate birthDate,
      String school,
      String classLevel,
      String allergies,
      boolean pai,
      boolean imageRights,
      String emergencyName,
      String emergencyPhone,
      List<Pickup> pickup) {}

  @Column(name = "household_id", nullable = false, updatable = false)
  private Long householdId;

  @Column(name = "first_name", length = 80, nullable = false)
  private String firstName;

  @Column(name = "last_name", length = 80, nullable = false)
  private String lastName;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  @Column(name = "school", length = 120)
  private String school;

  @Column(name = "class_level", length = 40)
  private String classLevel;

  @Column(name = "allergies", length = 500)
  private String allergies;

  @Column(name = "pai", nullable = false)
  private boolean pai;

  @Column(name = "image_rights", nullable = false)
  private boolean imageRights;

  @Column(name = "emergency_name", length = 200)
  private String emergencyName;

  @Column(name = "emergency_phone", length = 30)
  private String emergencyPhone;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "pickup", nullable = false)
  private List<Pickup> pickup = List.of();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Child() {}

  public Child(Household household, Details d, Instant now) {
    this.householdId = household.id();
    this.createdAt = now;
    update(d);
  }

  public void update(Details d) {
    this.firstName = d.firstName();
    this.lastName = d.lastName();
    this.birthDate = d.birthDate();
    this.school = d.school();
    this.classLevel = d.classLevel();
    this.allergies = d.allergies();
    this.pai = d.pai();
    this.imageRights = d.imageRights();
    this.emergencyName = d.emergencyName();
    this.emergencyPhone = d.emergencyPhone();
    this.pickup = d.pickup() == null ? List.of() : List.copyOf(d.pickup());
  }

  public long householdId() {
    return householdId;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  public String fullName() {
    return firstName + " " + lastName;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public String school() {
    return school;
  }

  public String classLevel() {
    return classLevel;
  }

  public String allergies() {
    return allergies;
  }

  public boolean pai() {
    return pai;
  }

  public boolean imageRights() {
    return imageRights;
  }

  public String emergencyName() {
    return emergencyName;
  }

  public String emergencyPhone() {
    return emergencyPhone;
  }

  public List<Pickup> pickup() {
    return pickup;
  }

  public Details details() {
    return new Details(
        firstName,
        lastName,
        birthDate,
        school,
        classLevel,
        allergies,
        pai,
        imageRights,
        emergencyName,
        emergencyPhone,
        pickup);
  }
}
