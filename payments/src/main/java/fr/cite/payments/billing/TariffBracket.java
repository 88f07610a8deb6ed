package fr.cite.payments.billing;

import fr.cite.payments.domain.Bracket;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stored bracket of a tariff version. */
@Entity
@Table(name = "billing_bracket")
public class TariffBracket extends BillingRecord {

  @Column(name = "tariff_id", nullable = false, updatable = false)
  private long tariffId;

  @Column(name = "quotient_min", nullable = false)
  private int quotientMin;

  @Column(name = "quotient_max")
  private Integer quotientMax;

  @Column(name = "resident", nullable = false)
  private boolean resident;

  @Column(name = "sibling_rank_min", nullable = false)
  private int siblingRankMin;

  @Column(name = "unit_cents", nullable = false)
  private int unitCents;

  protected TariffBracket() {}

  public TariffBracket(long tariffId, Bracket b) {
    this.tariffId = tariffId;
    this.quotientMin = b.quotientMin();
    this.quotientMax = b.quotientMax();
    this.resident = b.resident();
    this.siblingRankMin = b.siblingRankMin();
    this.unitCents = b.unitCents();
  }

  public long tariffId() {
    return tariffId;
  }

  public Bracket toBracket() {
    return new Bracket(quotientMin, quotientMax, resident, siblingRankMin, unitCents);
  }
}
