package fr.cite.payments.billing;

import fr.cite.payments.domain.Bracket;
import fr.cite.payments.domain.Tariff;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The town's régies and tariff versions. A version used by a run never changes; a new price is a
 * new version from a date (the open one before it then ends the day before).
 */
@ApplicationService
public class Tariffs {

  @PersistenceContext EntityManager em;

  @jakarta.inject.Inject fr.cite.platform.tenancy.application.TenantContext tenant;

  /** A new version: its validity, unit, case percentages and brackets. */
  public record NewVersion(
      long activityId,
      LocalDate validFrom,
      LocalDate validTo,
      Tariff.Unit unit,
      int unjustifiedPercent,
      int justifiedPercent,
      int unbookedPercent,
      int unbookedExtraCents,
      int latePercent,
      List<Bracket> brackets,
      fr.cite.payments.domain.Hourly hourly) {}

  /** What a régie is created with. */
  public record NewRegie(
      String code,
      String nameFr,
      String nameEn,
      String numberPrefix,
      boolean sepaEnabled,
      int dueDays,
      String counterAddress,
      String officerName) {}

  public Regie createRegie(NewRegie n) {
    String code = n.code();
    if (!em.createQuery("select r from Regie r where r.code = :c", Regie.class)
        .setParameter("c", code)
        .getResultList()
        .isEmpty()) {
      throw new ProblemException(409, "regie-exists", code);
    }
    String prefix = n.numberPrefix() != null ? n.numberPrefix() : defaultPrefix(code);
    Regie r = new Regie(code, n.nameFr(), n.nameEn(), prefix, Instant.now());
    r.update(
        n.nameFr(), n.nameEn(), n.sepaEnabled(), n.dueDays(), n.counterAddress(), n.officerName());
    em.persist(r);
    return r;
  }

  /** The town's initials and the régie's code: {@code LH-PERISC} (invoices F-LH-PERISC-2026-…). */
  String defaultPrefix(String code) {
    String letters = code.replace("-", "").toUpperCase(java.util.Locale.ROOT);
    return fr.cite.platform.requests.domain.References.prefix(tenant.require().slug())
        + "-"
        + letters.substring(0, Math.min(6, letters.length()));
  }

  public List<Regie> regies() {
    return em.createQuery("select r from Regie r order by r.code", Regie.class).getResultList();
  }

  public Regie requireRegie(long id) {
    Regie r = em.find(Regie.class, id);
    if (r == null) {
      throw new ProblemException(404, "regie-not-found");
    }
    return r;
  }

  /** Which régie bills the activity (one at a time; a later run of the other régie skips it). */
  public void attach(long activityId, long regieId) {
    requireRegie(regieId);
    if (em.createNativeQuery("select 1 from family_activity where id = ?1")
        .setParameter(1, activityId)
        .getResultList()
        .isEmpty()) {
      throw new ProblemException(404, "family-activity-not-found", activityId);
    }
    em.createNativeQuery(
            "insert into billing_activity (activity_id, regie_id) values (?1, ?2)"
                + " on conflict (tenant_id, activity_id) do update set regie_id = excluded.regie_id")
        .setParameter(1, activityId)
        .setParameter(2, regieId)
        .executeUpdate();
  }

  /** Activity id → régie id. */
  @SuppressWarnings("unchecked")
  public Map<Long, Long> regieOfActivities() {
    List<Object[]> rows =
        em.createNativeQuery("select activity_id, regie_id from billing_activity").getResultList();
    return rows.stream()
        .collect(
            Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
  }

  public TariffVersion create(NewVersion v, String by) {
    if (v.unit() == Tariff.Unit.HOUR) {
      // A crèche's hour is priced on the household's resources, not by brackets.
      if (v.hourly() == null) {
        throw new ProblemException(422, "tariff-hourly-required");
      }
      if (!v.brackets().isEmpty()) {
        throw new ProblemException(422, "tariff-hourly-no-bracket");
      }
    } else {
      if (v.hourly() != null) {
        throw new ProblemException(422, "tariff-hourly-only");
      }
      if (v.brackets().isEmpty()) {
        throw new ProblemException(422, "tariff-without-bracket");
      }
      checkBrackets(v.brackets());
    }
    List<TariffVersion> existing = versionsOf(v.activityId());
    for (TariffVersion t : existing) {
      boolean overlaps =
          (t.validTo() == null || !t.validTo().isBefore(v.validFrom()))
              && (v.validTo() == null || !v.validTo().isBefore(t.validFrom()));
      if (!overlaps) {
        continue;
      }
      if (t.validTo() == null && t.validFrom().isBefore(v.validFrom())) {
        if (t.used() && usedAfter(t, v.validFrom())) {
          throw new ProblemException(409, "tariff-used", t.validFrom().toString());
        }
        t.endOn(v.validFrom().minusDays(1));
      } else {
        throw new ProblemException(409, "tariff-overlaps", t.validFrom().toString());
      }
    }
    TariffVersion t =
        new TariffVersion(
            v.activityId(),
            v.validFrom(),
            v.validTo(),
            v.unit(),
            v.unjustifiedPercent(),
            v.justifiedPercent(),
            v.unbookedPercent(),
            v.unbookedExtraCents(),
            v.latePercent(),
            v.hourly(),
            by,
            Instant.now());
    em.persist(t);
    em.flush();
    for (Bracket b : v.brackets()) {
      em.persist(new TariffBracket(t.id(), b));
    }
    return t;
  }

  private boolean usedAfter(TariffVersion t, LocalDate from) {
    return !em.createNativeQuery(
            "select 1 from billing_line where tariff_id = ?1 and day >= ?2 limit 1")
        .setParameter(1, t.id())
        .setParameter(2, from)
        .getResultList()
        .isEmpty();
  }

  /** Brackets of one residence and rank must tile the quotients from 0 with one open last. */
  static void checkBrackets(List<Bracket> brackets) {
    Map<String, List<Bracket>> groups =
        brackets.stream()
            .collect(Collectors.groupingBy(b -> b.resident() + "/" + b.siblingRankMin()));
    for (List<Bracket> g : groups.values()) {
      List<Bracket> sorted =
          g.stream().sorted(Comparator.comparingInt(Bracket::quotientMin)).toList();
      int expected = 0;
      for (int i = 0; i < sorted.size(); i++) {
        Bracket b = sorted.get(i);
        if (b.quotientMin() != expected) {
          throw new ProblemException(422, "tariff-brackets-gap", Integer.toString(expected));
        }
        boolean last = i == sorted.size() - 1;
        if (last != (b.quotientMax() == null)) {
          throw new ProblemException(422, "tariff-brackets-open-last");
        }
        expected = last ? expected : b.quotientMax();
      }
    }
  }

  public List<TariffVersion> versionsOf(long activityId) {
    return em.createQuery(
            "select t from TariffVersion t where t.activityId = :a order by t.validFrom",
            TariffVersion.class)
        .setParameter("a", activityId)
        .getResultList();
  }

  /** Every version of the régie's activities overlapping the period, with their brackets. */
  public List<Tariff> ofRegie(long regieId, LocalDate from, LocalDate to) {
    List<TariffVersion> versions =
        em.createQuery(
                "select t from TariffVersion t where t.activityId in (select a.activityId from"
                    + " BillingActivity a where a.regieId = :r) and t.validFrom <= :to"
                    + " and (t.validTo is null or t.validTo >= :from) order by t.validFrom",
                TariffVersion.class)
            .setParameter("r", regieId)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    return withBrackets(versions);
  }

  /** Versions of these activities valid on some day of the period (the portal's forecast). */
  public List<Tariff> ofActivities(List<Long> activities, LocalDate from, LocalDate to) {
    if (activities.isEmpty()) {
      return List.of();
    }
    return withBrackets(
        em.createQuery(
                "select t from TariffVersion t where t.activityId in :a and t.validFrom <= :to"
                    + " and (t.validTo is null or t.validTo >= :from) order by t.validFrom",
                TariffVersion.class)
            .setParameter("a", activities)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList());
  }

  List<Tariff> withBrackets(List<TariffVersion> versions) {
    if (versions.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Bracket>> brackets =
        em
            .createQuery(
                "select b from TariffBracket b where b.tariffId in :ids order by b.id",
                TariffBracket.class)
            .setParameter("ids", versions.stream().map(TariffVersion::id).toList())
            .getResultList()
            .stream()
            .collect(
                Collectors.groupingBy(
                    TariffBracket::tariffId,
                    Collectors.mapping(TariffBracket::toBracket, Collectors.toList())));
    List<Tariff> out = new ArrayList<>();
    for (TariffVersion v : versions) {
      out.add(v.toTariff(brackets.getOrDefault(v.id(), List.of())));
    }
    return out;
  }

  void markUsed(long regieId, LocalDate from, LocalDate to) {
    em.createNativeQuery(
            "update billing_tariff t set used_at = coalesce(used_at, ?4) where exists (select 1"
                + " from billing_line l where l.tariff_id = t.id and l.run_id in (select id from"
                + " billing_run where regie_id = ?1 and period_start = ?2 and period_end = ?3))")
        .setParameter(1, regieId)
        .setParameter(2, from)
        .setParameter(3, to)
        .setParameter(4, Instant.now())
        .executeUpdate();
  }
}
