package fr.cite.it.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestTowns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The catalogue pages in Chromium: axe-core (WCAG 2.1 A and AA rules) finds no serious or critical
 * violation on the home, a theme, a profile, a procedure and a search page, in French and in
 * English; at 360 px wide nothing scrolls sideways; the skip link and the search work from the
 * keyboard.
 */
class CatalogueAccessibilityIT extends CiteIntegrationTest {

  static final List<String> PAGES =
      List.of(
          "/",
          "/demarches",
          "/themes/famille",
          "/themes/petite-enfance",
          "/profils/seniors",
          "/demarches/carte-identite",
          "/demarches/inscription-scolaire",
          "/recherche?q=carte+identite",
          "/recherche?q=xylophone",
          "/themes/n-existe-pas");

  static ChromeDriver chrome;
  static TestTowns.Town town;

  @BeforeAll
  static void start() throws Exception {
    town = TestTowns.onboard();
    // The town's own colours, as Le Havre's demo: a dark blue and a red.
    Http.Response branded =
        Http.putJson(
            Http.PLATFORM,
            "/api/v1/platform/towns/" + town.slug() + "/branding",
            "{\"primaryColor\":\"#12355b\",\"secondaryColor\":\"#d1495b\"}",
            Http.operator());
    assertThat(branded.status()).isEqualTo(200);
    chrome = Chromium.start();
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      Chromium.quit(chrome);
    }
  }

  static String url(String path) {
    return "http://" + town.host() + ":" + Http.port() + path;
  }

  @Test
  void cataloguePagesHaveNoSeriousOrCriticalViolationInFrenchAndEnglish() {
    List<String> found = new ArrayList<>();
    int checked = 0;
    for (String lang : List.of("fr", "en")) {
      for (String path : PAGES) {
        chrome.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        Results results =
            new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(chrome);
        checked++;
        for (Rule v : results.getViolations()) {
          if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
            found.add(
                lang
                    + " "
                    + path
                    + ": "
                    + v.getId()
                    + " ("
                    + v.getImpact()
                    + ") "
                    + v.getNodes().size()
                    + " node(s) "
                    + v.getHelp());
          }
        }
        assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
      }
    }
    System.out.printf(
        "axe-core: %d pages checked, %d serious or critical violations%n", checked, found.size());
    assertThat(found).isEmpty();
  }

  @Test
  void nothingScrollsSidewaysOnAPhone() {
    chrome.manage().window().setSize(new Dimension(360, 800));
    try {
      for (String path : PAGES) {
        chrome.get(url(path));
        Long scrollWidth =
            (Long) chrome.executeScript("return document.documentElement.scrollWidth");
        Long viewport = (Long) chrome.executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth).as(path).isLessThanOrEqualTo(viewport);
      }
    } finally {
      chrome.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  void theKeyboardReachesTheContentAndTheSearch() {
    chrome.get(url("/"));
    WebElement body = chrome.findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    WebElement skip = chrome.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Aller au contenu");
    skip.sendKeys(Keys.ENTER);
    assertThat(chrome.switchTo().activeElement().getAttribute("id")).isEqualTo("contenu");

    WebElement search = chrome.findElement(By.id("recherche-accueil"));
    search.sendKeys("inscription ecole", Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(chrome, java.time.Duration.ofSeconds(15))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.urlContains(
                "/recherche?q=inscription+ecole"));
    assertThat(chrome.findElement(By.cssSelector(".procedure-link")).getText())
        .isEqualTo("Inscrire son enfant à l’école");
  }
}
