package fr.cite.payments.billing;

import fr.cite.payments.domain.Tariff;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A stored tariff version of an activity; its brackets are {@link TariffBracket} rows. */
@Entity
@Table(name = "billing_tariff")
public class TariffVersion extends BillingRecord {

  @Column(name = "activity_id", nullable = false, updatable = false)
  private long activityId;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Enumerated(EnumType.STRING)
  @Column(name = "unit", nullable = false, length = 12)
  private Tariff.Unit unit;

  @Column(name = "unjustified_percent", nullable = false)
  private int unjustifiedPercent;

  @Column(name = "justified_percent", nullable = false)
  private int justifiedPercent;

  @Column(name = "unbooked_percent", nullable = false)
  private int unbookedPercent;

  @Column(name = "unbooked_extra_cents", nullable = false)
  private int unbookedExtraCents;

  @Column(name = "late_percent", nullable = false)
  private int latePercent;

  @Column(name = "resources_floor_cents", updatable = false)
  private Integer resourcesFloorCents;

  @Column(name = "resources_ceiling_cents", updatable = false)
  private Integer resourcesCeilingCents;

  /** For an hourly tariff: its effort rates per number of children, {@code 619,516,413}. */
  @Column(name = "effort_rates_ppm", updatable = false, length = 120)
  private String effortRatesPpm;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "created_by", length = 254)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected TariffVersion() {}

  public TariffVersion(
      long activityId,
      LocalDate validFrom,
      LocalDate validTo,
      Tariff.Unit unit,
      int unjustifiedPercent,
      int justifiedPercent,
      int unbookedPercent,
      int unbookedExtraCents,
      int latePercent,
      fr.cite.payments.domain.Hourly hourly,
      String createdBy,
      Instant now) {
    this.activityId = activityId;
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.unit = unit;
    this.unjustifiedPercent = unjustifiedPercent;
    this.justifiedPercent = justifiedPercent;
    this.unbookedPercent = unbookedPercent;
    this.unbookedExtraCents = unbookedExtraCents;
    this.latePercent = latePercent;
    if (hourly != null) {
      this.resourcesFloorCents = hourly.resourcesFloorCents();
      this.resourcesCeilingCents = hourly.resourcesCeilingCents();
      this.effortRatesPpm = hourly.ratesText();
    }
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** Closes an open version the day before a newer one starts (the only change once used). */
  public void endOn(LocalDate last) {
    this.validTo = last;
  }

  public boolean used() {
    return usedAt != null;
  }

  public long activityId() {
    return activityId;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public Tariff toTariff(java.util.List<fr.cite.payments.domain.Bracket> brackets) {
    return new Tariff(
        id(),
        activityId,
        validFrom,
        validTo,
        unit,
        brackets,
        unjustifiedPercent,
        justifiedPercent,
        unbookedPercent,
        unbookedExtraCents,
        latePercent,
        effortRatesPpm == null
            ? null
            : new fr.cite.payments.domain.Hourly(
                resourcesFloorCents,
                resourcesCeilingCents,
                fr.cite.payments.domain.Hourly.parseRates(effortRatesPpm)));
  }
}
