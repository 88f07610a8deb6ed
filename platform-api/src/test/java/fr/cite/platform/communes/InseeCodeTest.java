package fr.cite.platform.communes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InseeCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"76351", "33281", "2A004", "2B033", "97411"})
  void acceptsFiveDigitsOrCorsicanCodes(String code) {
    assertThat(InseeCode.isWellFormed(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7635", "763510", "2C004", "AB123", "76 351", "７６３５１"})
  void rejectsAnythingElse(String code) {
    assertThat(InseeCode.isWellFormed(code)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void normalisesWhatOperatorsType() {
    assertThat(InseeCode.normalise(" 2b033\n")).isEqualTo("2B033");
    assertThat(InseeCode.normalise(null)).isNull();
  }
}
