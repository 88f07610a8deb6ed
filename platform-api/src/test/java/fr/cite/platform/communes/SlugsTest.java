package fr.cite.platform.communes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "L'Haÿ-les-Roses | l-hay-les-roses",
        "Le Havre | le-havre",
        "Mérignac | merignac",
        "Saint-Étienne | saint-etienne",
        "Œuilly | oeuilly",
        "Moûtiers | moutiers",
        "Villeneuve-d'Ascq | villeneuve-d-ascq",
        "L’Île-Saint-Denis | l-ile-saint-denis",
        "Aÿ-Champagne | ay-champagne",
        "Y | y",
        "  Saint-Denis  | saint-denis",
        "Les Trois-Lacs | les-trois-lacs"
      })
  void foldsAccentsApostrophesAndSpaces(String name, String slug) {
    assertThat(Slugs.fold(name)).isEqualTo(slug);
    assertThat(Slugs.isValid(slug)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"-abc", "abc-", "a--b", "Abc", "a b", "é"})
  void rejectsWhatFoldingNeverProduces(String value) {
    assertThat(Slugs.isValid(value)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void keepsSlugsWithinOneDnsLabel() {
    String longName = "Saint-".repeat(20) + "Fin";
    assertThat(Slugs.fold(longName)).hasSizeLessThanOrEqualTo(63).doesNotEndWith("-");
  }
}
