package fr.cite.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void parsesEurosWrittenTheFrenchOrTheEnglishWay() {
    assertThat(Money.parseEuros("12,5")).isEqualTo(Money.ofCents(1250));
    assertThat(Money.parseEuros("12.05")).isEqualTo(Money.ofCents(1205));
    assertThat(Money.parseEuros("0")).isEqualTo(Money.ZERO);
    assertThat(Money.parseEuros("-3,40")).isEqualTo(Money.ofCents(-340));
  }

  @Test
  void refusesWhatIsNotAnAmount() {
    assertThatThrownBy(() -> Money.parseEuros("12.345"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.parseEuros("douze"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addsAndMultipliesExactly() {
    Money canteenDay = Money.parseEuros("3.17");
    assertThat(canteenDay.times(19).plus(Money.ofCents(5))).isEqualTo(Money.ofCents(6028));
    assertThat(Money.ofCents(100).minus(Money.ofCents(250)).isNegative()).isTrue();
  }

  @Test
  void formatsForFrenchAndEnglishReaders() {
    assertThat(Money.ofCents(123456).format(Locale.FRENCH)).isEqualTo("1 234,56 €");
    assertThat(Money.ofCents(1250).format(Locale.ENGLISH)).isEqualTo("€12.50");
  }
}
