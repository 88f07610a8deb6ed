package fr.cite.payments.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** Which régie bills an activity of the family space. */
@Entity
@Table(name = "billing_activity")
public class BillingActivity {

  @Id
  @Column(name = "activity_id")
  private long activityId;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(name = "regie_id", nullable = false)
  private long regieId;

  protected BillingActivity() {}

  public long activityId() {
    return activityId;
  }

  public long regieId() {
    return regieId;
  }
}
