package fr.cite.platform.town.application;

import fr.cite.platform.tenancy.domain.Tenant;
import fr.cite.platform.town.domain.TownOffice;
import java.util.List;
import java.util.Optional;

/** Everything the portal shows about its town, read in one transaction. */
public record TownProfile(Tenant tenant, List<TownOffice> offices, Optional<LogoInfo> logo) {}
