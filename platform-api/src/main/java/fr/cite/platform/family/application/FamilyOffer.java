package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a town offers families, for its procedure pages (the canteen's page lists the town's
 * canteens): read once per town and kept until an activity changes. A new object each time, so that
 * a page rendered from the old one is known to be stale.
 */
@ApplicationService
public class FamilyOffer {

  /** An activity as a procedure page shows it. */
  public record Line(
      String procedureSlug,
      LocalizedText name,
      String site,
      String days,
      String daysEn,
      String hours) {}

  /** A town's offer. */
  public record Offer(List<Line> lines) {
    public List<Line> forProcedure(String slug) {
      return lines.stream().filter(l -> slug.equals(l.procedureSlug())).toList();
    }
  }

  @Inject TenantContext tenant;

  @Inject Loader loader;

  private final Map<Long, Offer> offers = new ConcurrentHashMap<>();

  public Offer current() {
    long id = tenant.require().id();
    Offer offer = offers.get(id);
    if (offer == null) {
      offer = loader.load();
      offers.put(id, offer);
    }
    return offer;
  }

  /** Reads a town's offer, in a transaction of the town. */
  @ApplicationService
  public static class Loader {

    @PersistenceContext EntityManager em;

    public Offer load() {
      List<Activity> activities =
          em.createQuery(
                  "select a from Activity a where a.active = true and a.procedureSlug is not null"
                      + " order by a.kind, a.site, a.nameFr",
                  Activity.class)
              .getResultList();
      return new Offer(
          activities.stream()
              .map(
                  a ->
                      new Line(
                          a.procedureSlug(),
                          a.name(),
                          a.site(),
                          Weekdays.label(a.weekdays(), Locale.FRENCH),
                          Weekdays.label(a.weekdays(), Locale.ENGLISH),
                          a.start() + "–" + a.end()))
              .toList());
    }
  }

  /** Forgets the town's offer (an activity changed). */
  public void changed() {
    offers.remove(tenant.require().id());
  }
}
