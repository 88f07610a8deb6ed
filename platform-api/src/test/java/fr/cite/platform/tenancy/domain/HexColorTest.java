package fr.cite.platform.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HexColorTest {

  @Test
  void normalisesToLowerCase() {
    assertThat(HexColor.of(" #00A0FF ").value()).isEqualTo("#00a0ff");
  }

  @Test
  void refusesAnythingThatCouldEscapeAStyleSheet() {
    for (String bad : new String[] {"red", "#fff", "#0000001", "#00000g", "#000;}body{", null}) {
      assertThatThrownBy(() -> HexColor.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void computesWcagContrast() {
    assertThat(HexColor.of("#000000").contrastWith(HexColor.of("#ffffff")))
        .isCloseTo(21, within(0.01));
    assertThat(HexColor.of("#777777").contrastWith(HexColor.of("#ffffff")))
        .isCloseTo(4.48, within(0.01));
  }

  @Test
  void picksReadableTextForAnyBackground() {
    assertThat(HexColor.of("#000091").readableText().value()).isEqualTo("#ffffff");
    assertThat(HexColor.of("#ffe500").readableText().value()).isEqualTo("#000000");
    for (int rgb = 0; rgb < 0xffffff; rgb += 0x0f0f0f) {
      HexColor bg = HexColor.of(String.format("#%06x", rgb));
      assertThat(bg.contrastWith(bg.readableText())).as(bg.value()).isGreaterThanOrEqualTo(4.5);
    }
  }

  @Test
  void aLightTownColourIsDarkenedUntilLinksInItAreReadable() {
    HexColor page = HexColor.of("#f6f6f6");
    HexColor yellow = HexColor.of("#ffd700");
    HexColor link = yellow.readableOn(page, 4.5);
    org.assertj.core.api.Assertions.assertThat(link.contrastWith(page)).isGreaterThanOrEqualTo(4.5);
    org.assertj.core.api.Assertions.assertThat(HexColor.of("#000091").readableOn(page, 4.5))
        .isEqualTo(HexColor.of("#000091"));
  }
}
