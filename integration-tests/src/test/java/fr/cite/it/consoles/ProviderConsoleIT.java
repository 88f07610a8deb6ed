package fr.cite.it.consoles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.Checks;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.KeycloakPages;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.platform.communes.Commune;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The provider console in Chromium: an operator signs in, onboards a town through the wizard (its
 * first administrator is invited by e-mail), finds it in the list of towns, suspends and
 * reactivates it, and reads all of it in the audit log. Accounts that are not operators get
 * nothing, pages or AJAX; the provider pages do not exist on a town's host.
 */
class ProviderConsoleIT extends CiteIntegrationTest {

  static ChromeDriver chrome;
  static String operatorEmail;

  @BeforeAll
  static void anOperatorInChromium() throws Exception {
    TestKeycloak.awaitReady();
    operatorEmail = "operatrice-" + UUID.randomUUID() + "@example.fr";
    String password = "Operatrice-" + UUID.randomUUID();
    TestKeycloak.createOperator(operatorEmail, password);
    awaitPlatformHostAcceptedForSignIn();
    chrome = Chromium.start();
    chrome.get(url("/admin/provider/towns.xhtml"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    chrome.findElement(By.id("username")).sendKeys(operatorEmail);
    chrome.findElement(By.id("kc-login")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
    chrome.findElement(By.id("password")).sendKeys(password);
    chrome.findElement(By.id("kc-login")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("towns:table")));
  }

  /** Clicks an element that AJAX updates may re-render meanwhile. */
  static void click(By by) {
    for (int attempt = 0; ; attempt++) {
      try {
        waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** The application registers the platform host with Keycloak at start, before any town. */
  static void awaitPlatformHostAcceptedForSignIn() throws InterruptedException {
    String expected = "http://" + Http.PLATFORM + ":" + Http.port() + "/signin/*";
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      jakarta.json.JsonArray clients =
          TestKeycloak.admin("/clients?clientId=cite-portal").asJsonArray();
      if (clients.getJsonObject(0).getJsonArray("redirectUris").toString().contains(expected)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The platform host was never accepted as a redirect URI");
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      Chromium.quit(chrome);
    }
  }

  static String url(String path) {
    return "http://" + Http.PLATFORM + ":" + Http.port() + path;
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(chrome, Duration.ofSeconds(30));
  }

  @Test
  void anOperatorOnboardsATownThroughTheWizardThenSuspendsAndReactivatesIt() throws Exception {
    Commune commune = TestTowns.unusedCommune();
    String adminEmail = "maire-" + UUID.randomUUID() + "@example.fr";
    long started = System.nanoTime();

    chrome.get(url("/admin/provider/onboard.xhtml"));
    WebElement search =
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("wizard:commune_input")));
    search.sendKeys(commune.inseeCode());
    WebElement suggestion =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#wizard\\:commune_panel .ui-autocomplete-item")));
    assertThat(suggestion.getText()).contains(commune.name());
    suggestion.click();
    chrome.findElement(By.id("wizard:next1")).click();
    WebElement slug = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("slug")));
    assertThat(chrome.findElement(By.id("communeName")).getText()).isEqualTo(commune.name());
    String expectedSlug = slug.getText();
    chrome.findElement(By.id("wizard:next2")).click();
    waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard:adminEmail")))
        .sendKeys(adminEmail);
    chrome.findElement(By.cssSelector("label[for='wizard:status:1']")).click();
    chrome.findElement(By.id("wizard:create")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.printf("Onboarding through the wizard took %d s%n", seconds);
    assertThat(seconds).isLessThan(60);
    assertThat(chrome.findElement(By.id("invitationUrl")).getText()).contains("/admin/invitation/");

    assertThat(Http.get(Http.hostOf(expectedSlug), "/").status()).isEqualTo(200);
    assertThat(
            Http.get(Http.hostOf(expectedSlug), "/api/v1/catalogue/procedures")
                .json()
                .getInt("totalItems"))
        .isGreaterThanOrEqualTo(40);
    assertThat(TestMail.awaitMessagesTo(adminEmail)).isNotEmpty();

    // The list of towns finds it by name, and suspends then reactivates it.
    chrome.get(url("/admin/provider/towns.xhtml"));
    WebElement name = waiting().until(ExpectedConditions.elementToBeClickable(By.id("towns:name")));
    name.sendKeys(commune.name());
    chrome.findElement(By.id("towns:apply")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("towns:table"), commune.inseeCode()));
    click(By.cssSelector("#towns\\:table .suspend-link"));
    waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("suspendForm:reason")))
        .sendKeys("Impayé de test");
    click(By.id("suspendForm:confirmSuspend"));
    waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#towns\\:table .reactivate-link")));
    assertThat(Http.get(Http.hostOf(expectedSlug), "/").status()).isEqualTo(503);
    click(By.cssSelector("#towns\\:table .reactivate-link"));
    waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#towns\\:table .suspend-link")));
    assertThat(Http.get(Http.hostOf(expectedSlug), "/").status()).isEqualTo(200);

    // Everything is in the audit log, by this operator.
    chrome.get(url("/admin/provider/audit.xhtml"));
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("audit:town")))
        .sendKeys(expectedSlug);
    chrome.findElement(By.id("audit:apply")).click();
    // The table is replaced by the filtered one: read it again until it holds the whole story.
    waiting()
        .until(
            d -> {
              try {
                String log = d.findElement(By.id("audit:table")).getText();
                return java.util.stream.Stream.of(
                        "town.onboarded",
                        "staff.invited",
                        "town.suspended",
                        "town.reactivated",
                        "Impayé de test",
                        operatorEmail)
                    .allMatch(log::contains);
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
              }
            });
  }

  @Test
  void anOperatorImportsACsvAndFollowsItsProgressAndErrors() throws Exception {
    Commune good = TestTowns.unusedCommune();
    java.nio.file.Path csv = java.nio.file.Files.createTempFile("communes", ".csv");
    java.nio.file.Files.writeString(
        csv, "code_insee\n" + good.inseeCode() + "\n99999\n" + good.inseeCode() + "\n");
    chrome.get(url("/admin/provider/bulk.xhtml"));
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")))
        .sendKeys(csv.toAbsolutePath().toString());
    chrome.findElement(By.id("upload:importCsv")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "Terminé"));
    String counts = chrome.findElement(By.id("counts")).getText();
    assertThat(counts).contains("3 / 3").contains("1 créées").contains("2 en erreur");
    assertThat(chrome.findElement(By.id("progress-bar")).getAttribute("aria-valuenow"))
        .isEqualTo("100");
    String errors = chrome.findElement(By.id("jobs:lines")).getText();
    assertThat(errors)
        .contains("99999")
        .contains("ne figure pas dans la liste officielle")
        .contains("figure déjà à la ligne 2");
    assertThat(Http.get(Http.hostOf(TestTowns.slugOf(good)), "/").status()).isEqualTo(200);

    // A file that is not a list: a clear message, no job.
    java.nio.file.Path empty = java.nio.file.Files.createTempFile("vide", ".csv");
    java.nio.file.Files.writeString(empty, "code_insee\n");
    chrome.get(url("/admin/provider/bulk.xhtml"));
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")))
        .sendKeys(empty.toAbsolutePath().toString());
    chrome.findElement(By.id("upload:importCsv")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("upload:messages"), "aucune ligne de commune"));
  }

  @Test
  void theListOfTownsFiltersOnTheServer() {
    TestTowns.Town town = TestTowns.onboard();
    chrome.get(url("/admin/provider/towns.xhtml"));
    WebElement dep =
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("towns:departement")));
    dep.sendKeys(town.commune().departement());
    chrome.findElement(By.id("towns:name")).sendKeys(town.commune().inseeCode());
    chrome.findElement(By.id("towns:apply")).click();
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("#towns\\:table_data > tr")).size() == 1
                    && d.findElement(By.id("towns:table")).getText().contains(town.name()));
  }

  @Test
  void onlyOperatorsReachTheProviderConsole() {
    Browser citizen = new Browser();
    Browser.Page login = citizen.get(url("/admin/provider/towns.xhtml"));
    String email = "habitant-" + UUID.randomUUID() + "@example.fr";
    Browser.Page landed =
        KeycloakPages.register(
            citizen, login, "Jean", "Habitant", email, "Habitant-" + UUID.randomUUID());
    assertThat(landed.status()).isEqualTo(403);
    assertThat(citizen.get(url("/admin/provider/onboard.xhtml")).status()).isEqualTo(403);
    assertThat(citizen.get(url("/admin/provider/audit.xhtml")).status()).isEqualTo(403);
    Browser.Page ajax =
        citizen.post(
            url("/admin/provider/towns.xhtml"),
            Browser.fields(
                "jakarta.faces.partial.ajax",
                "true",
                "jakarta.faces.source",
                "towns:apply",
                "towns",
                "towns"));
    assertThat(ajax.status()).isEqualTo(403);

    TestTowns.Town town = TestTowns.onboard();
    Browser onTown = new Browser();
    Browser.Page townLogin =
        onTown.get("http://" + town.host() + ":" + Http.port() + "/admin/provider/towns.xhtml");
    Browser.Page afterSignUp =
        KeycloakPages.register(
            onTown,
            townLogin,
            "Jeanne",
            "Agent",
            "agent-" + UUID.randomUUID() + "@example.fr",
            "Agent-" + UUID.randomUUID());
    assertThat(afterSignUp.status()).isIn(403, 404);
  }

  @Test
  void theAuditLogIsAppendOnlyForTheApplication() throws SQLException {
    try (Connection app = TestDatabase.asApplication()) {
      assertThat(Checks.count(app, "select count(*) from audit_entry")).isGreaterThanOrEqualTo(0);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> app.createStatement().executeUpdate("update audit_entry set actor = 'x'"))
          .isInstanceOf(SQLException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> app.createStatement().executeUpdate("delete from audit_entry"))
          .isInstanceOf(SQLException.class);
    }
  }
}
