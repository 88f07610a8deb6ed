package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.SchoolCalendar;
import fr.cite.platform.family.domain.SchoolZone;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar of the town of the unit of work: its zone (from its département), the shipped school
 * holidays, public holidays, and its town-wide closures (one query).
 */
@ApplicationService
public class FamilyCalendars {

  public static final ZoneId TOWN_ZONE = ZoneId.of("Europe/Paris");

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject RequestHost host;

  public SchoolCalendar current() {
    String insee =
        host.town()
            .map(TenantSnapshot::inseeCode)
            .orElseGet(
                () ->
                    (String)
                        em.createNativeQuery("select insee_code from tenant where id = ?1")
                            .setParameter(1, tenant.require().id())
                            .getSingleResult());
    Optional<SchoolZone> zone = SchoolZone.ofInseeCode(insee);
    @SuppressWarnings("unchecked")
    List<java.sql.Date> days =
        em.createNativeQuery("select day from family_closure where activity_id is null")
            .getResultList();
    Set<LocalDate> closures = new HashSet<>();
    for (Object d : days) {
      closures.add(d instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) d);
    }
    return new SchoolCalendar(zone, closures);
  }

  public static LocalDate today() {
    return LocalDate.now(TOWN_ZONE);
  }
}
