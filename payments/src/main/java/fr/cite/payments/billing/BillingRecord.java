package fr.cite.payments.billing;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import org.hibernate.annotations.TenantId;

/** What every billing row has: an id from the billing sequence and the town it belongs to. */
@MappedSuperclass
public abstract class BillingRecord {

  @Id
  @SequenceGenerator(name = "billing_seq", sequenceName = "billing_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "billing_seq")
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  public Long id() {
    return id;
  }
}
