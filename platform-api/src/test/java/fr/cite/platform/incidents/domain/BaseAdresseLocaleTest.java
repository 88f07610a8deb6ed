package fr.cite.platform.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Reading a town's Base Adresse Locale (search and reverse are the database's: IncidentReportsIT).
 */
class BaseAdresseLocaleTest {

  // BAL 1.4 columns in their published order, a byte-order mark first, as exported by mes-adresses.
  static final String BAL =
      "\uFEFFuid_adresse;cle_interop;commune_insee;commune_nom;commune_deleguee_insee;"
          + "commune_deleguee_nom;voie_nom;lieudit_complement_nom;numero;suffixe;position;x;y;"
          + "long;lat;cad_parcelles;source;date_der_maj;certification_commune\n"
          + ";76351_1234_00012;76351;Le Havre;;;Rue de Paris;;12;;entrée;;;0.10770;49.49380;;commune;2025-03-01;1\n"
          + ";76351_1234_00012_bis;76351;Le Havre;;;Rue de Paris;;12;bis;entrée;;;0.10775;49.49385;;commune;2025-03-01;1\n"
          + ";76351_1234_00014;76351;Le Havre;;;Rue de Paris;;14;;entrée;;;0.10790;49.49392;;commune;2025-03-01;1\n"
          + ";76351_5678_00003;76351;Le Havre;;;Quai de Southampton;;3;;entrée;;;0.11020;49.48790;;commune;2025-03-01;1\n"
          + ";76351_9999_99999;76351;Le Havre;;;Place de l'Hôtel de Ville;;99999;;segment;;;0.10760;49.49370;;commune;2025-03-01;1\n"
          + ";76552_0001_00001;76552;Sainte-Adresse;;;Rue Reine Elisabeth;;1;;entrée;;;0.0840;49.5080;;commune;2025-03-01;1\n"
          + ";76351_1234_00016;76351;Le Havre;;;Rue de Paris;;16;;entrée;;;abc;49.49400;;commune;2025-03-01;1\n"
          + ";76351_1234_00018;76351;Le Havre;;;Rue de Paris;;18;;entrée;;;0.108;1000;;commune;2025-03-01;1\n"
          + ";76351_1234_0000x;76351;Le Havre;;;Rue de Paris;;12a;;entrée;;;0.108;49.49;;commune;2025-03-01;1\n"
          + "\n";

  static BaseAdresseLocale.Parsed parsed() throws Exception {
    return BaseAdresseLocale.parse(new StringReader(BAL), "76351");
  }

  @Test
  void rowsOfTheTownAreKeptAndTheOthersRejectedWithTheirLineAndReason() throws Exception {
    BaseAdresseLocale.Parsed p = parsed();
    assertThat(p.addresses())
        .extracting(BaseAdresseLocale.Address::label)
        .containsExactly(
            "12 Rue de Paris",
            "12 bis Rue de Paris",
            "14 Rue de Paris",
            "3 Quai de Southampton",
            "Place de l'Hôtel de Ville");
    assertThat(p.rejected())
        .containsExactly(
            new BaseAdresseLocale.Rejected(7, "commune 76552, pas 76351"),
            new BaseAdresseLocale.Rejected(8, "position illisible"),
            new BaseAdresseLocale.Rejected(9, "position hors du globe"),
            new BaseAdresseLocale.Rejected(10, "numéro « 12a »"));
    assertThatThrownBy(
            () -> BaseAdresseLocale.parse(new StringReader("numero;voie_nom\n1;Rue\n"), "76351"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commune_insee");
  }

  @Test
  void searchComparesWordsWithoutAccentsCaseOrPunctuation() {
    assertThat(BaseAdresseLocale.fold("  Place de l'Hôtel-de-Ville, 12 BIS "))
        .isEqualTo("place de l hotel de ville 12 bis");
  }
}
