package fr.cite.platform.family.domain;

import fr.cite.platform.i18n.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalTime;

/**
 * An activity of the town a child can be registered to: the canteen of a school, morning or evening
 * after-school, the Wednesday or holiday leisure centre, a crèche (with its age group). It runs on
 * some days of the calendar and of the week, with a capacity per day and its rules for booking and
 * cancelling.
 */
@Entity
@Table(name = "family_activity")
public class Activity extends FamilyRecord {

  /** Everything an administrator sets. */
  public record Settings(
      String slug,
      ActivityKind kind,
      LocalizedText name,
      String site,
      int capacity,
      ActivityDays days,
      int weekdays,
      LocalTime start,
      LocalTime end,
      CutoffRule bookRule,
      CutoffRule cancelRule,
      LatePolicy latePolicy,
      int surchargePercent,
      int absenceDays,
      String ageGroup,
      String procedureSlug) {}

  @Column(name = "slug", length = 80, nullable = false)
  private String slug;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 16, nullable = false)
  private ActivityKind kind;

  @Column(name = "name_fr", length = 160, nullable = false)
  private String nameFr;

  @Column(name = "name_en", length = 160)
  private String nameEn;

  @Column(name = "site", length = 160, nullable = false)
  private String site;

  @Column(name = "capacity", nullable = false)
  private int capacity;

  @Enumerated(EnumType.STRING)
  @Column(name = "days", length = 16, nullable = false)
  private ActivityDays days;

  @Column(name = "weekdays", nullable = false)
  private int weekdays;

  @Column(name = "start_time", nullable = false)
  private LocalTime start;

  @Column(name = "end_time", nullable = false)
  private LocalTime end;

  @Column(name = "book_rule", length = 120, nullable = false)
  private String bookRule;

  @Column(name = "cancel_rule", length = 120, nullable = false)
  private String cancelRule;

  @Enumerated(EnumType.STRING)
  @Column(name = "late_policy", length = 16, nullable = false)
  private LatePolicy latePolicy;

  @Column(name = "surcharge_percent", nullable = false)
  private int surchargePercent;

  @Column(name = "absence_days", nullable = false)
  private int absenceDays;

  @Column(name = "age_group", length = 40)
  private String ageGroup;

  @Column(name = "procedure_slug", length = 130)
  private String procedureSlug;

  @Column(name = "active", nullable = false)
  private boolean active = true;

  protected Activity() {}

  public Activity(Settings s) {
    apply(s);
  }

  public void apply(Settings s) {
    this.slug = s.slug();
    this.kind = s.kind();
    this.nameFr = s.name().fr();
    this.nameEn = s.name().en();
    this.site = s.site();
    this.capacity = s.capacity();
    this.days = s.days();
    this.weekdays = s.weekdays();
    this.start = s.start();
    this.end = s.end();
    this.bookRule = s.bookRule().text();
    this.cancelRule = s.cancelRule().text();
    this.latePolicy = s.latePolicy();
    this.surchargePercent = s.surchargePercent();
    this.absenceDays = s.absenceDays();
    this.ageGroup = s.ageGroup();
    this.procedureSlug = s.procedureSlug();
  }

  public void activate(boolean active) {
    this.active = active;
  }

  public String slug() {
    return slug;
  }

  public ActivityKind kind() {
    return kind;
  }

  public LocalizedText name() {
    return new LocalizedText(nameFr, nameEn);
  }

  public String site() {
    return site;
  }

  public int capacity() {
    return capacity;
  }

  public ActivityDays days() {
    return days;
  }

  public int weekdays() {
    return weekdays;
  }

  public LocalTime start() {
    return start;
  }

  public LocalTime end() {
    return end;
  }

  public CutoffRule bookRule() {
    return CutoffRule.parse(bookRule);
  }

  public CutoffRule cancelRule() {
    return CutoffRule.parse(cancelRule);
  }

  public LatePolicy latePolicy() {
    return latePolicy;
  }

  public int surchargePercent() {
    return surchargePercent;
  }

  public int absenceDays() {
    return absenceDays;
  }

  public String ageGroup() {
    return ageGroup;
  }

  public String procedureSlug() {
    return procedureSlug;
  }

  public boolean active() {
    return active;
  }

  public Settings settings() {
    return new Settings(
        slug,
        kind,
        name(),
        site,
        capacity,
        days,
        weekdays,
        start,
        end,
        bookRule(),
        cancelRule(),
        latePolicy,
        surchargePercent,
        absenceDays,
        ageGroup,
        procedureSlug);
  }
}
