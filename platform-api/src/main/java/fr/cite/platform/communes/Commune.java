package fr.cite.platform.communes;

import java.util.List;
import java.util.Objects;

/**
 * A current French commune as listed in the Code officiel géographique.
 *
 * @param inseeCode the five-character INSEE code ({@code 76351}, {@code 2A004})
 * @param name the official name with its article ({@code Le Havre})
 * @param nameType INSEE "type de nom en clair" (TNCC), which tells how to write "de"/"du"/"d'"
 * @param departement département code ({@code 76}, {@code 2A}, {@code 974})
 * @param region région code
 * @param siren SIREN of the commune as a legal body, when it has one
 * @param postcodes postcodes served, possibly several
 * @param population municipal population, when known
 */
public record Commune(
    String inseeCode,
    String name,
    int nameType,
    String departement,
    String region,
    String siren,
    List<String> postcodes,
    Integer population) {

  public Commune {
    Objects.requireNonNull(inseeCode, "inseeCode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(departement, "departement");
    postcodes = List.copyOf(postcodes);
  }

  /** The name after "de", as French writes it: "du Havre", "de Mérignac", "d'Angers". */
  public String withPreposition() {
    return FrenchNames.withPreposition(name, nameType);
  }
}
