package fr.cite.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A citizen signs up, signs out and signs in again on a town's portal, in a real Chromium. */
class SignUpInChromiumIT extends CiteIntegrationTest {

  static TestTowns.Town town;
  static ChromeDriver chrome;

  @BeforeAll
  static void start() throws Exception {
    TestKeycloak.awaitReady();
    town = TestTowns.onboard();
    chrome = Chromium.start();
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      Chromium.quit(chrome);
    }
  }

  static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @Test
  void aCitizenSignsUpAndSignsInOnATownsPortal() {
    String email = "chromium-" + UUID.randomUUID() + "@example.fr";
    String password = "Navigateur-" + UUID.randomUUID();
    chrome.get("http://" + town.host() + ":9080/");
    assertThat(chrome.getTitle()).contains("Portail citoyen");

    chrome.findElement(By.linkText("Se connecter")).click();
    waiting(chrome).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-header")));
    assertThat(chrome.getTitle()).startsWith("Connexion au portail");
    assertThat(chrome.findElement(By.cssSelector(".cite-town-name")).getText())
        .isEqualToIgnoringCase(town.name());

    Chromium.register(chrome, "Ada", "Lovelace", email, password);

    waiting(chrome).until(ExpectedConditions.titleContains("Mon compte"));
    assertThat(chrome.getCurrentUrl()).startsWith("http://" + town.host() + ":9080/compte/");
    assertThat(chrome.findElement(By.tagName("main")).getText())
        .contains("Ada Lovelace")
        .contains(email);

    chrome.findElement(By.xpath("//button[contains(., 'Se déconnecter')]")).click();
    waiting(chrome).until(ExpectedConditions.urlToBe("http://" + town.host() + ":9080/"));

    chrome.findElement(By.linkText("Se connecter")).click();
    waiting(chrome).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    chrome.findElement(By.id("username")).sendKeys(email);
    chrome.findElement(By.cssSelector("#kc-form-login [type=submit]")).click();
    waiting(chrome).until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
    chrome.findElement(By.id("password")).sendKeys(password);
    chrome.findElement(By.cssSelector("#kc-form-login [type=submit]")).click();
    waiting(chrome).until(ExpectedConditions.titleContains("Mon compte"));
    assertThat(chrome.findElement(By.tagName("main")).getText()).contains("Ada Lovelace");
  }
}
