package fr.cite.platform.communes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchNamesTest {

  @ParameterizedTest(name = "Mairie {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mérignac | 0 | de Mérignac",
        "Angers | 1 | d'Angers",
        "Le Havre | 2 | du Havre",
        "La Rochelle | 3 | de la Rochelle",
        "Les Lilas | 4 | des Lilas",
        "L'Haÿ-les-Roses | 5 | de l'Haÿ-les-Roses",
        "Aux Marais | 6 | des Marais",
        "Los Masos | 8 | de Los Masos"
      })
  void writesDeTheFrenchWay(String name, int tncc, String expected) {
    assertThat(FrenchNames.withPreposition(name, tncc)).isEqualTo(expected);
  }
}
