package fr.cite.it.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestTowns;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A portal form whose fields hold control characters (NUL, escape…, as a tampered page would send
 * them: no keyboard types them) is refused with a message next to the form, never a database error,
 * and nothing is written.
 */
class ControlCharactersInFormsIT extends CiteIntegrationTest {

  static ChromeDriver chrome;
  static TestTowns.Town town;

  @BeforeAll
  static void start() throws Exception {
    town = TestTowns.onboard();
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

  static void setValue(By field, String jsValue) {
    chrome.executeScript("arguments[0].value = " + jsValue + ";", chrome.findElement(field));
  }

  @Test
  void theTrackingFormRefusesNulWithAMessage() {
    chrome.get(url("/suivi"));
    setValue(By.id("suivi:reference"), "'LH-2026-\\u0000001'");
    setValue(By.id("suivi:code"), "'abc\\u001b[2J'");
    chrome.findElement(By.id("suivi:suivre")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
    assertThat(chrome.findElement(By.id("messages")).getText()).contains("caractères de contrôle");
    assertThat(chrome.getPageSource()).doesNotContain("Erreur interne");
  }

  @Test
  void aReportWithNulInItsFieldsIsRefusedAndNothingIsWritten() throws Exception {
    long before;
    try (Connection c = TestDatabase.asSuperuser()) {
      before = Checks.count(c, "select count(*) from demande where tenant_id = " + town.id());
    }
    chrome.get(url("/signaler/probleme-voirie"));
    setValue(By.cssSelector("#champ-adresse input"), "'3 rue du Port'");
    setValue(By.cssSelector("#champ-description textarea"), "'Trou\\u0000 dans la chaussée'");
    setValue(By.cssSelector("#champ-email input"), "'riverain@example.fr'");
    setValue(By.id("demande:name"), "'Jean\\u0000'");
    chrome.executeScript(
        "var s = document.querySelector('#champ-nature select, #champ-nature input[type=radio]');"
            + " if (s && s.tagName === 'SELECT') { s.selectedIndex = 1; } else if (s) { s.checked ="
            + " true; }");
    chrome.findElement(By.id("demande:envoyer")).click();
    new WebDriverWait(chrome, Duration.ofSeconds(15))
        .until(
            d ->
                !d.findElements(By.id("messages")).isEmpty()
                    || !d.findElements(By.id("erreurs")).isEmpty());
    assertThat(chrome.findElement(By.tagName("main")).getText())
        .contains("caractères de contrôle")
        .doesNotContain("Erreur interne");
    assertThat(chrome.findElements(By.id("reference"))).isEmpty();
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(Checks.count(c, "select count(*) from demande where tenant_id = " + town.id()))
          .isEqualTo(before);
    }
  }
}
