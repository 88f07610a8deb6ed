package fr.cite.platform.catalogue.application;

import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.town.domain.TownOffice;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;

/** Gives the current town the starter catalogue, once. */
@ApplicationService
public class CatalogueSeeding {

  private static final Logger LOG = Logger.getLogger(CatalogueSeeding.class.getName());

  @PersistenceContext EntityManager em;

  @Inject CatalogueEditing editing;

  /**
   * Stores the starter catalogue unless the town already has a catalogue. Idempotent, so a
   * provisioning retry may call it again.
   *
   * @return whether the catalogue was stored now
   */
  public boolean seedStarterCatalogue(String townName, String townHallWithPreposition) {
    long themes = em.createQuery("select count(t) from Theme t", Long.class).getSingleResult();
    if (themes > 0) {
      return false;
    }
    List<TownOffice> offices =
        em.createQuery("select o from TownOffice o order by o.position, o.id", TownOffice.class)
            .setMaxResults(1)
            .getResultList();
    String townHall = "Mairie " + townHallWithPreposition;
    String address = townHall;
    String phone = null;
    if (!offices.isEmpty()) {
      TownOffice hall = offices.get(0);
      townHall = hall.name();
      address =
          String.join(
              ", ",
              java.util.stream.Stream.of(
                      hall.name(),
                      hall.street().orElse(null),
                      (hall.postcode().orElse("") + " " + hall.city().orElse("")).strip())
                  .filter(s -> s != null && !s.isBlank())
                  .toList());
      phone = hall.phone().orElse(null);
    }
    StarterCatalogue starter =
        StarterCatalogue.forTown(new StarterCatalogue.Town(townName, townHall, address, phone));
    starter.storeWith(editing, em, LocalDate.now(CatalogueQueries.TOWN_ZONE));
    LOG.info(
        () ->
            "Starter catalogue stored for "
                + townName
                + ": "
                + starter.procedures().size()
                + " procedures");
    return true;
  }
}
