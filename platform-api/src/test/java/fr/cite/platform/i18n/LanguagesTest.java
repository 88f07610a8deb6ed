package fr.cite.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.platform.problem.Problems;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

  @Test
  void speaksFrenchUnlessEnglishIsPreferred() {
    assertThat(Languages.fromAcceptLanguage(null)).isEqualTo(Locale.FRENCH);
    assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9")).isEqualTo(Locale.FRENCH);
    assertThat(Languages.fromAcceptLanguage("en-GB,en;q=0.9,fr;q=0.8")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.fromAcceptLanguage("fr-FR,en;q=0.5")).isEqualTo(Locale.FRENCH);
    assertThat(Languages.fromAcceptLanguage("de;q=1,en;q=0.4")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.fromAcceptLanguage(";;;garbage")).isEqualTo(Locale.FRENCH);
  }

  @Test
  void problemMessagesExistInBothLanguagesWhateverTheJvmLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertThat(Problems.message("unknown-insee-code.title", Locale.FRENCH))
          .isEqualTo("Commune inconnue");
      assertThat(Problems.message("unknown-insee-code.title", Locale.ENGLISH))
          .isEqualTo("Unknown commune");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void everyProblemMessageIsTranslated() throws Exception {
    var fr = new java.util.Properties();
    var en = new java.util.Properties();
    try (var in = Problems.class.getResourceAsStream("/fr/cite/platform/i18n/problems.properties");
        var in2 =
            Problems.class.getResourceAsStream("/fr/cite/platform/i18n/problems_en.properties")) {
      fr.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      en.load(new java.io.InputStreamReader(in2, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(en.keySet()).isEqualTo(fr.keySet());
  }
}
