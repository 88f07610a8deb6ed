package fr.cite.platform.town.application;

import fr.cite.platform.communes.Commune;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.town.domain.TownAsset;
import fr.cite.platform.town.domain.TownOffice;
import fr.cite.platform.town.domain.ValidatedImage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The current town's own information: offices and logo. Every method works on the tenant of the
 * unit of work; Hibernate and row-level security both hide other towns' rows.
 */
@ApplicationService
public class TownProfiles {

  /** First key of the advisory lock that serialises a town's provisioning ("CITE"). */
  private static final int PROVISIONING_LOCK = 0x43495445;

  @PersistenceContext EntityManager em;

  private final Clock clock = Clock.systemUTC();

  @jakarta.inject.Inject jakarta.enterprise.event.Event<TownProfileCache.Changed> changed;

  @jakarta.inject.Inject fr.cite.platform.tenancy.domain.TenantRepository tenants;

  @jakarta.inject.Inject fr.cite.platform.tenancy.application.TenantContext context;

  /** The current town with its offices and logo: three short queries, whatever the town's size. */
  public TownProfile current() {
    Tenant tenant =
        tenants
            .findById(context.require().id())
            .orElseThrow(
                () -> ProblemException.notFound("town-not-found", context.require().slug()));
    return new TownProfile(tenant, listOffices(), logoInfo());
  }

  /** Offices in display order. */
  public List<TownOffice> listOffices() {
    return em.createQuery(
            "select o from TownOffice o order by o.position, o.name", TownOffice.class)
        .getResultList();
  }

  /** Metadata of the logo (content is loaded lazily), if the town has one. */
  public Optional<LogoInfo> logoInfo() {
    return em.createQuery(
            "select new fr.cite.platform.town.application.LogoInfo(a.sha256, a.contentType, a.width,"
                + " a.height) from TownAsset a where a.kind = :kind",
            LogoInfo.class)
        .setParameter("kind", TownAsset.Kind.LOGO)
        .getResultStream()
        .findFirst();
  }

  public Optional<TownAsset> logo() {
    return em.createQuery("select a from TownAsset a where a.kind = :kind", TownAsset.class)
        .setParameter("kind", TownAsset.Kind.LOGO)
        .getResultStream()
        .findFirst();
  }

  /** Validates and stores a new logo, replacing the previous one. */
  public LogoInfo replaceLogo(byte[] bytes) {
    ValidatedImage.Result checked = ValidatedImage.check(bytes);
    if (!checked.accepted()) {
      throw ProblemException.unprocessable(
          "logo-" + checked.rejection().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    ValidatedImage image = checked.image();
    Optional<TownAsset> existing = logo();
    if (existing.isPresent()) {
      existing.get().replaceWith(image, clock.instant());
    } else {
      em.persist(new TownAsset(TownAsset.Kind.LOGO, image, clock.instant()));
    }
    changed.fire(new TownProfileCache.Changed(context.require().id()));
    return new LogoInfo(image.sha256(), image.contentType(), image.width(), image.height());
  }

  /**
   * Gives a newly onboarded town what the official list tells about its town hall. Idempotent: a
   * town that already has offices is left as it is.
   */
  public void seedStarterContent(Commune commune) {
    // Two nodes provisioning one town on its first visit: the second waits, then finds it done.
    em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, cast(?2 as integer))) l")
        .setParameter(1, PROVISIONING_LOCK)
        .setParameter(2, context.require().id())
        .getSingleResult();
    long offices =
        em.createQuery("select count(o) from TownOffice o", Long.class).getSingleResult();
    if (offices == 0) {
      String postcode = commune.postcodes().isEmpty() ? null : commune.postcodes().get(0);
      em.persist(
          TownOffice.townHall(
              "Mairie " + commune.withPreposition(), postcode, commune.name(), clock.instant()));
    }
  }
}
