package fr.cite.portal.family;

import fr.cite.platform.family.application.FamilyOffer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The town's family activities that belong on a procedure page (the canteens on the canteen's). */
@Named("familyOffer")
@RequestScoped
public class FamilyOfferPage {

  @Inject FamilyOffer offer;

  public List<FamilyOffer.Line> lines(String procedureSlug) {
    return procedureSlug == null ? List.of() : offer.current().forProcedure(procedureSlug);
  }
}
