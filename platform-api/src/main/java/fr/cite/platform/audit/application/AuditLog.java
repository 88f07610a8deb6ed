package fr.cite.platform.audit.application;

import fr.cite.platform.audit.domain.AuditEntry;
import fr.cite.platform.identity.application.CurrentCaller;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The audit log: every action of an operator or a town's staff that changes something is recorded
 * here (who, what, when, which town, before and after), and operators search it. Entries are never
 * changed or deleted by the application (the database grants it SELECT and INSERT only).
 */
@ApplicationService
public class AuditLog {

  @PersistenceContext EntityManager em;

  @Inject CurrentCaller caller;

  @Inject fr.cite.platform.tenancy.application.TenantContext tenant;

  private final Clock clock = Clock.systemUTC();

  /** Records an action of whoever the current caller is. */
  public void record(
      AuditEntry.ActorKind kind,
      Long tenantId,
      String action,
      String target,
      String before,
      String after) {
    String actor =
        caller.displayName().orElse(kind == AuditEntry.ActorKind.SYSTEM ? "system" : "?");
    em.persist(
        new AuditEntry(clock.instant(), actor, kind, tenantId, action, target, before, after));
  }

  /** Records an action of the current town's staff, on the current town. */
  public void recordTownStaff(String action, String target, String after) {
    record(AuditEntry.ActorKind.TOWN_STAFF, tenant.require().id(), action, target, null, after);
  }

  /** What to look for; null fields do not filter. */
  public record Filter(
      String actor, String action, Long tenantId, Instant from, Instant to, String text) {

    public static Filter none() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  private static final String WHERE =
      " where (:actor is null or lower(e.actor) like :actor)"
          + " and (:action is null or e.action = :action)"
          + " and (:tenant is null or e.tenantId = :tenant)"
          + " and (cast(:from as timestamp) is null or e.at >= :from)"
          + " and (cast(:to as timestamp) is null or e.at < :to)"
          + " and (:text is null or lower(e.target) like :text or lower(e.after) like :text"
          + " or lower(e.before) like :text)";

  /** One page of the entries a filter selects, newest first. */
  public List<AuditEntry> list(Filter f, int offset, int limit) {
    return bind(
            em.createQuery(
                "select e from AuditEntry e" + WHERE + " order by e.at desc, e.id desc",
                AuditEntry.class),
            f)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many entries a filter selects. */
  public long count(Filter f) {
    return bind(em.createQuery("select count(e) from AuditEntry e" + WHERE, Long.class), f)
        .getSingleResult();
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> query, Filter f) {
    return query
        .setParameter("actor", like(f.actor()))
        .setParameter("action", blankToNull(f.action()))
        .setParameter("tenant", f.tenantId())
        .setParameter("from", f.from())
        .setParameter("to", f.to())
        .setParameter("text", like(f.text()));
  }

  /** The distinct actions recorded, for a filter's choices. */
  public List<String> actions() {
    return em.createQuery(
            "select distinct e.action from AuditEntry e order by e.action", String.class)
        .getResultList();
  }

  private static String like(String s) {
    String v = blankToNull(s);
    return v == null
        ? null
        : "%"
            + v.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
