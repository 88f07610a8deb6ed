package fr.cite.platform.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.platform.catalogue.application.CatalogueSnapshot.AudienceView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.HighlightView;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ProcedureSummary;
import fr.cite.platform.catalogue.application.CatalogueSnapshot.ThemeView;
import fr.cite.platform.i18n.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueSnapshotTest {

  private static LocalizedText t(String fr) {
    return LocalizedText.of(fr, null);
  }

  private static ProcedureSummary p(long id, String slug, Integer rank) {
    return new ProcedureSummary(id, slug, t(slug), t("…"), false, rank);
  }

  private final ThemeView family = new ThemeView(1, null, "famille", t("Famille"), null, 0);
  private final ThemeView school = new ThemeView(2, 1L, "ecole", t("École"), null, 1);
  private final AudienceView parents = new AudienceView(5, "familles", t("Familles"), null);

  private final CatalogueSnapshot snapshot =
      new CatalogueSnapshot(
          List.of(family, school),
          List.of(parents),
          List.of(p(10, "a", null), p(11, "b", 2), p(12, "c", 1), p(13, "d", null)),
          Map.of(10L, List.of(1L), 11L, List.of(2L), 12L, List.of(1L, 2L)),
          Map.of(13L, List.of(5L)),
          List.of(
              new HighlightView(
                  20,
                  t("Élections"),
                  t("…"),
                  null,
                  LocalDate.of(2027, 1, 1),
                  LocalDate.of(2027, 2, 5),
                  10),
              new HighlightView(
                  21,
                  t("Rentrée"),
                  t("…"),
                  null,
                  LocalDate.of(2027, 3, 1),
                  LocalDate.of(2027, 4, 1),
                  5)),
          List.of(),
          Instant.EPOCH);

  @Test
  void mostRequestedPutsUsageFirstThenEditorialOrderThenTheRest() {
    assertThat(snapshot.mostRequested(List.of(13L), 3).stream().map(ProcedureSummary::slug))
        .containsExactly("d", "c", "b");
    assertThat(snapshot.mostRequested(List.of(), 10).stream().map(ProcedureSummary::slug))
        .containsExactly("c", "b", "a", "d");
  }

  @Test
  void usageOfAnUnpublishedOrForeignProcedureIsIgnored() {
    assertThat(snapshot.mostRequested(List.of(999L), 1).get(0).slug()).isEqualTo("c");
  }

  @Test
  void aThemeCountsItsSubThemesProceduresOnce() {
    assertThat(snapshot.countUnder(family)).isEqualTo(3);
    assertThat(snapshot.countUnder(school)).isEqualTo(2);
    assertThat(snapshot.subThemes(family)).containsExactly(school);
    assertThat(snapshot.parentOf(school)).contains(family);
  }

  @Test
  void highlightsShowOnlyBetweenTheirDatesIncluded() {
    assertThat(snapshot.highlightsOn(LocalDate.of(2026, 12, 31))).isEmpty();
    assertThat(snapshot.highlightsOn(LocalDate.of(2027, 1, 1)))
        .extracting(HighlightView::id)
        .containsExactly(20L);
    assertThat(snapshot.highlightsOn(LocalDate.of(2027, 2, 5)))
        .extracting(HighlightView::id)
        .containsExactly(20L);
    assertThat(snapshot.highlightsOn(LocalDate.of(2027, 2, 6))).isEmpty();
    assertThat(snapshot.highlightsOn(LocalDate.of(2027, 3, 15)))
        .extracting(HighlightView::id)
        .containsExactly(21L);
  }

  @Test
  void audiencesListTheirProcedures() {
    assertThat(snapshot.proceduresFor(parents))
        .extracting(ProcedureSummary::slug)
        .containsExactly("d");
  }
}
