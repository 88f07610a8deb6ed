package fr.cite.platform.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTest {

  @Test
  void keepsParagraphsListsHeadingsAndLinks() {
    String html =
        "<h2>Pièces</h2><p>Un <strong>justificatif</strong> :</p><ul><li>facture</li></ul>"
            + "<a href=\"https://www.service-public.fr\">lien</a>";
    String clean = RichText.sanitise(html);
    assertThat(clean)
        .contains("<h2>Pièces</h2>", "<strong>justificatif</strong>", "<li>facture</li>")
        .contains("href=\"https://www.service-public.fr\"", "rel=\"noopener noreferrer\"");
  }

  @Test
  void removesScriptsHandlersStylesImagesAndJavascriptLinks() {
    String html =
        "<p onclick=\"steal()\" style=\"color:red\">texte</p><script>alert(1)</script>"
            + "<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a><iframe src=//evil></iframe>";
    String clean = RichText.sanitise(html);
    assertThat(clean)
        .doesNotContainIgnoringCase(
            "script", "onclick", "style", "img", "javascript", "iframe", "onerror");
    assertThat(clean).contains("<p>texte</p>");
  }

  @Test
  void nothingLeftIsNull() {
    assertThat(RichText.sanitise("<script>x</script>")).isNull();
    assertThat(RichText.sanitise("  ")).isNull();
    assertThat(RichText.sanitise(null)).isNull();
  }
}
