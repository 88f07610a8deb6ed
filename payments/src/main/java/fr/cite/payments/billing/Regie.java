package fr.cite.payments.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A régie of the town (périscolaire, petite enfance…): it bills some activities, numbers its
 * invoices ({@code F-<prefix>-2026-000123}) and is paid on its own payment account.
 */
@Entity
@Table(name = "billing_regie")
public class Regie extends BillingRecord {

  @Column(name = "code", nullable = false, updatable = false, length = 24)
  private String code;

  @Column(name = "name_fr", nullable = false, length = 160)
  private String nameFr;

  @Column(name = "name_en", length = 160)
  private String nameEn;

  @Column(name = "number_prefix", nullable = false, length = 16)
  private String numberPrefix;

  @Column(name = "sepa_enabled", nullable = false)
  private boolean sepaEnabled;

  @Column(name = "due_days", nullable = false)
  private int dueDays;

  @Column(name = "counter_address", length = 300)
  private String counterAddress;

  @Column(name = "officer_name", length = 200)
  private String officerName;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Regie() {}

  public Regie(String code, String nameFr, String nameEn, String numberPrefix, Instant now) {
    this.code = code;
    this.nameFr = nameFr;
    this.nameEn = nameEn;
    this.numberPrefix = numberPrefix;
    this.dueDays = 30;
    this.createdAt = now;
  }

  public void update(
      String nameFr,
      String nameEn,
      boolean sepaEnabled,
      int dueDays,
      String counterAddress,
      String officerName) {
    this.nameFr = nameFr;
    this.nameEn = nameEn;
    this.sepaEnabled = sepaEnabled;
    this.dueDays = dueDays;
    this.counterAddress = counterAddress;
    this.officerName = officerName;
  }

  public String code() {
    return code;
  }

  public String name(Locale locale) {
    return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameFr;
  }

  public String nameFr() {
    return nameFr;
  }

  public String numberPrefix() {
    return numberPrefix;
  }

  public boolean sepaEnabled() {
    return sepaEnabled;
  }

  public int dueDays() {
    return dueDays;
  }

  public String counterAddress() {
    return counterAddress;
  }

  public String officerName() {
    return officerName;
  }
}
