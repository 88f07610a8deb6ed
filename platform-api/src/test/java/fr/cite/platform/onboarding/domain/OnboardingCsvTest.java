package fr.cite.platform.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cite.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingCsvTest {

  static List<OnboardingCsv.Line> read(String text) {
    return OnboardingCsv.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsCodesWithOptionalEmailsAfterAHeader() {
    List<OnboardingCsv.Line> lines =
        read(
            "\uFEFFcode_insee;email_admin\r\n76351;Maire@Le-Havre.fr\n\n# a comment\n33281\n\"2A004\",\n");
    assertThat(lines)
        .containsExactly(
            new OnboardingCsv.Accepted(2, "76351;Maire@Le-Havre.fr", "76351", "maire@le-havre.fr"),
            new OnboardingCsv.Accepted(5, "33281", "33281", null),
            new OnboardingCsv.Accepted(6, "\"2A004\",", "2A004", null));
  }

  @Test
  void restoresTheLeadingZeroASpreadsheetDropped() {
    assertThat(read("1001\n"))
        .containsExactly(new OnboardingCsv.Accepted(1, "1001", "01001", null));
  }

  @Test
  void refusesBadLinesOneByOneAndKeepsTheOthers() {
    List<OnboardingCsv.Line> lines =
        read("76351\n7635\u00e9\n33281;not-an-email\n76351\n33281;a@b.fr;extra\n69123\tx@y.fr\n");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isInstanceOf(OnboardingCsv.Accepted.class);
    assertThat(((OnboardingCsv.Refused) lines.get(1)).problemCode())
        .isEqualTo("malformed-insee-code");
    assertThat(((OnboardingCsv.Refused) lines.get(2)).problemCode()).isEqualTo("csv-bad-email");
    OnboardingCsv.Refused duplicate = (OnboardingCsv.Refused) lines.get(3);
    assertThat(duplicate.problemCode()).isEqualTo("csv-duplicate-line");
    assertThat(duplicate.args()).containsExactly("76351", 1);
    assertThat(((OnboardingCsv.Refused) lines.get(4)).problemCode()).isEqualTo("csv-bad-columns");
    assertThat(lines.get(5))
        .isEqualTo(new OnboardingCsv.Accepted(6, "69123\tx@y.fr", "69123", "x@y.fr"));
  }

  @Test
  void refusesWholeFilesThatAreNotAList() {
    assertThatThrownBy(() -> OnboardingCsv.read(new byte[0]))
        .isInstanceOf(ProblemException.class)
        .hasMessage("csv-empty");
    assertThatThrownBy(() -> read("code_insee;email\n\n# nothing\n")).hasMessage("csv-empty");
    assertThatThrownBy(() -> OnboardingCsv.read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}))
        .hasMessage("csv-not-text");
    assertThatThrownBy(() -> read("76351\u0000\n")).hasMessage("csv-not-text");
    assertThatThrownBy(() -> OnboardingCsv.read(new byte[OnboardingCsv.MAX_BYTES + 1]))
        .hasMessage("csv-too-large");
    assertThatThrownBy(() -> read("76351\n".repeat(OnboardingCsv.MAX_LINES + 1)))
        .hasMessage("csv-too-many-lines");
  }
}
