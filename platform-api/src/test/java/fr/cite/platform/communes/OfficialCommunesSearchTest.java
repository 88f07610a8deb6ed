package fr.cite.platform.communes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfficialCommunesSearchTest {

  private static final OfficialCommunes COMMUNES = OfficialCommunes.load();

  private static List<String> names(String text) {
    return COMMUNES.search(text, 5).stream().map(Commune::name).toList();
  }

  @Test
  void findsByNameIgnoringAccentsAndCaseMostPopulousFirst() {
    assertThat(names("merignac").get(0)).isEqualTo("Mérignac");
    assertThat(names("MÉRIGNAC")).hasSize(3);
    assertThat(names("haÿ les roses")).containsExactly("L'Haÿ-les-Roses");
  }

  @Test
  void findsByInseeCodeAndPostcode() {
    assertThat(names("76351")).contains("Le Havre");
    assertThat(names("76600")).contains("Le Havre");
    assertThat(names("2A004")).containsExactly("Ajaccio");
  }

  @Test
  void nothingForBlankOrUnknown() {
    assertThat(names(" ")).isEmpty();
    assertThat(names("zzzzqqq")).isEmpty();
  }
}
