package fr.cite.platform.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.platform.catalogue.domain.ChannelKind;
import fr.cite.platform.catalogue.domain.ChannelSpec;
import fr.cite.platform.catalogue.domain.Slug;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StarterCatalogueTest {

  private final StarterCatalogue starter =
      StarterCatalogue.forTown(
          new StarterCatalogue.Town(
              "Le Havre", "Mairie du Havre", "Mairie du Havre, 76600 Le Havre", "02 35 19 45 45"));

  @Test
  void offersAtLeastFortyPublishedProceduresWithDistinctValidSlugs() {
    List<String> slugs =
        starter.procedures().stream().map(StarterCatalogue.StarterProcedure::slug).toList();
    assertThat(slugs).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    assertThat(slugs).allMatch(Slug::isValid);
    assertThat(starter.procedures()).allMatch(p -> p.changes().published());
  }

  @Test
  void coversTheCommonAreasOfATownHall() {
    Set<String> themes =
        starter.themes().stream()
            .map(StarterCatalogue.StarterTheme::slug)
            .collect(Collectors.toSet());
    assertThat(themes)
        .contains(
            "actes-etat-civil",
            "elections",
            "papiers-identite",
            "autorisations-urbanisme",
            "ecole-periscolaire",
            "petite-enfance",
            "proprete-dechets",
            "vie-associative",
            "deces-cimetieres");
    assertThat(starter.audiences()).hasSizeGreaterThanOrEqualTo(7);
  }

  @Test
  void everyReferenceNamesSomethingOfTheCatalogue() {
    Set<String> themes = new HashSet<>();
    starter.themes().forEach(t -> themes.add(t.slug()));
    Set<String> audiences = new HashSet<>();
    starter.audiences().forEach(a -> audiences.add(a.slug()));
    Set<String> procedures = new HashSet<>();
    starter.procedures().forEach(p -> procedures.add(p.slug()));
    for (var p : starter.procedures()) {
      assertThat(p.changes().themes()).as(p.slug()).isNotEmpty().allMatch(themes::contains);
      assertThat(p.changes().audiences()).as(p.slug()).allMatch(audiences::contains);
      assertThat(p.changes().related())
          .as(p.slug())
          .allMatch(procedures::contains)
          .doesNotContain(p.slug());
    }
    starter.themes().stream()
        .filter(t -> t.parent() != null)
        .forEach(t -> assertThat(themes).contains(t.parent()));
  }

  @Test
  void everyProcedureSaysHowToDoItInFrenchAndEnglish() {
    for (var p : starter.procedures()) {
      var c = p.changes();
      assertThat(c.channels()).as(p.slug()).isNotEmpty();
      assertThat(c.content().title().en()).as(p.slug()).isNotBlank();
      assertThat(c.content().summary().en()).as(p.slug()).isNotBlank();
      for (ChannelSpec ch : c.channels()) {
        switch (ch.kind()) {
          case ONLINE -> assertThat(ch.url()).as(p.slug()).matches("(https://|/).*");
          case MAIL, COUNTER -> assertThat(ch.address()).as(p.slug()).isNotBlank();
          case PHONE -> assertThat(ch.phone()).as(p.slug()).isNotBlank();
        }
      }
    }
    long online =
        starter.procedures().stream()
            .filter(
                p ->
                    p.changes().channels().stream().anyMatch(ch -> ch.kind() == ChannelKind.ONLINE))
            .count();
    assertThat(online).isGreaterThanOrEqualTo(20);
  }

  @Test
  void placeholdersAreReplacedByTheTown() {
    String all =
        starter.procedures().stream()
            .map(
                p ->
                    p.changes().content().title().fr()
                        + p.changes().content().summary().fr()
                        + p.changes().channels().stream()
                            .map(ch -> String.valueOf(ch.address()) + ch.label())
                            .collect(Collectors.joining()))
            .collect(Collectors.joining());
    assertThat(all)
        .doesNotContain("{ville}", "{mairie}", "{adresse}")
        .contains("Le Havre", "Mairie du Havre");
  }

  @Test
  void phoneChannelsAreLeftOutWhenTheTownHallHasNoNumberYet() {
    StarterCatalogue withoutPhone =
        StarterCatalogue.forTown(
            new StarterCatalogue.Town(
                "Mérignac", "Mairie de Mérignac", "Mairie de Mérignac, 33700 Mérignac", null));
    assertThat(withoutPhone.procedures())
        .allMatch(
            p ->
                p.changes().channels().stream()
                    .noneMatch(ch -> ch.kind() == ChannelKind.PHONE && ch.phone() == null));
    assertThat(withoutPhone.procedures()).allMatch(p -> !p.changes().channels().isEmpty());
  }

  @Test
  void highlightsEndAfterTheyStart() {
    assertThat(starter.highlights()).isNotEmpty().allMatch(h -> h.endsInDays() >= h.startsInDays());
    assertThat(starter.highlights()).anyMatch(h -> h.startsInDays() <= 0 && h.endsInDays() >= 0);
  }
}
