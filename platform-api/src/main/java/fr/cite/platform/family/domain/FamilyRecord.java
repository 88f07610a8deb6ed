package fr.cite.platform.family.domain;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import org.hibernate.annotations.TenantId;

/**
 * What every family row has: an id from the family sequence and the town it belongs to, filled by
 * Hibernate from the unit of work's tenant (and checked by row-level security).
 */
@MappedSuperclass
public abstract class FamilyRecord {

  @Id
  @SequenceGenerator(name = "family_seq", sequenceName = "family_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "family_seq")
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  public Long id() {
    return id;
  }
}
