package fr.cite.platform.communes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfficialCommunesTest {

  static OfficialCommunes communes;

  @BeforeAll
  static void load() {
    communes = OfficialCommunes.load();
  }

  @Test
  void holdsEveryCurrentCommune() {
    assertThat(communes.size()).isEqualTo(34_969);
  }

  @Test
  void knowsLeHavreWithItsPostcodesSirenAndPopulation() {
    var lookup = (CommuneLookup.Current) communes.lookup("76351");
    Commune c = lookup.commune();
    assertThat(c.name()).isEqualTo("Le Havre");
    assertThat(c.siren()).isEqualTo("217603513");
    assertThat(c.postcodes()).containsExactly("76600", "76610", "76620");
    assertThat(c.departement()).isEqualTo("76");
    assertThat(c.population()).isGreaterThan(150_000);
    assertThat(lookup.slug()).isEqualTo("le-havre");
    assertThat(c.withPreposition()).isEqualTo("du Havre");
  }

  @Test
  void givesThePlainSlugToTheMostPopulousHomonym() {
    assertThat(communes.slugOf("33281")).isEqualTo("merignac");
    assertThat(communes.slugOf("16216")).isEqualTo("merignac-16");
    assertThat(communes.slugOf("17229")).isEqualTo("merignac-17");
  }

  @Test
  void foldsApostrophesAndDiaeresesInSlugs() {
    assertThat(communes.slugOf("94038")).isEqualTo("l-hay-les-roses");
  }

  @Test
  void givesEveryCommuneADistinctValidSlug() {
    Set<String> seen = new HashSet<>();
    for (Commune c : communes.all()) {
      String slug = communes.slugOf(c.inseeCode());
      assertThat(Slugs.isValid(slug)).as(c.toString()).isTrue();
      assertThat(seen.add(slug)).as("duplicate slug " + slug).isTrue();
      assertThat(OfficialCommunes.RESERVED).doesNotContain(slug);
    }
  }

  @Test
  void tellsWhichTownAFormerCodeBelongsTo() {
    var former = (CommuneLookup.Former) communes.lookup("76102");
    assertThat(former.current().inseeCode()).isEqualTo("76351");
    var arrondissement = (CommuneLookup.Former) communes.lookup("75101");
    assertThat(arrondissement.current().name()).isEqualTo("Paris");
  }

  @Test
  void separatesUnknownFromMalformedCodes() {
    assertThat(communes.lookup("99999")).isInstanceOf(CommuneLookup.Unknown.class);
    assertThat(communes.lookup("7635")).isInstanceOf(CommuneLookup.Malformed.class);
    assertThat(communes.lookup("abcde")).isInstanceOf(CommuneLookup.Malformed.class);
    assertThat(communes.lookup(null)).isInstanceOf(CommuneLookup.Malformed.class);
  }

  @Test
  void acceptsCorsicanCodesInAnyCase() {
    var ajaccio = (CommuneLookup.Current) communes.lookup(" 2a004 ");
    assertThat(ajaccio.commune().name()).isEqualTo("Ajaccio");
  }
}
