package fr.cite.it.consoles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.platform.communes.Commune;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The consoles end to end in two Chromium windows, as the issue tells it: an operator onboards a
 * town through the wizard; its first administrator opens the invitation, creates an account,
 * changes the portal's colours and a procedure (text, a channel, a draft previewed then published)
 * in the catalogue editor; each change shows on the portal at once, and nowhere else.
 */
class ConsoleJourneyIT extends CiteIntegrationTest {

  static ChromeDriver operator;
  static ChromeDriver mayor;

  @AfterAll
  static void stop() {
    if (operator != null) {
      Chromium.quit(operator);
    }
    if (mayor != null) {
      Chromium.quit(mayor);
    }
  }

  static WebDriverWait waiting(ChromeDriver chrome) {
    return new WebDriverWait(chrome, Duration.ofSeconds(30));
  }

  static String url(String host, String path) {
    return "http://" + host + ":" + Http.port() + path;
  }

  static void type(ChromeDriver chrome, By by, String value) {
    WebElement input = waiting(chrome).until(ExpectedConditions.elementToBeClickable(by));
    input.clear();
    input.sendKeys(value);
  }

  @Test
  void anOperatorOnboardsATownWhoseAdministratorRebrandsItAndEditsAProcedure() throws Exception {
    TestKeycloak.awaitReady();
    TestTowns.Town other = TestTowns.onboard();
    Commune commune = TestTowns.unusedCommune();
    String operatorEmail = "operateur-" + UUID.randomUUID() + "@example.fr";
    String operatorPassword = "Operateur-" + UUID.randomUUID();
    TestKeycloak.createOperator(operatorEmail, operatorPassword);
    ProviderConsoleIT.awaitPlatformHostAcceptedForSignIn();

    // 1. The operator onboards the town with the wizard.
    operator = Chromium.start();
    operator.get(url(Http.PLATFORM, "/admin/provider/onboard.xhtml"));
    type(operator, By.id("username"), operatorEmail);
    operator.findElement(By.id("kc-login")).click();
    type(operator, By.id("password"), operatorPassword);
    operator.findElement(By.id("kc-login")).click();
    type(operator, By.id("wizard:commune_input"), commune.inseeCode());
    waiting(operator)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#wizard\\:commune_panel .ui-autocomplete-item")))
        .click();
    operator.findElement(By.id("wizard:next1")).click();
    String slug =
        waiting(operator)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("slug")))
            .getText();
    operator.findElement(By.id("wizard:next2")).click();
    String mayorEmail = "maire-" + UUID.randomUUID() + "@example.fr";
    type(operator, By.id("wizard:adminEmail"), mayorEmail);
    operator.findElement(By.id("wizard:create")).click();
    String invitation =
        waiting(operator)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("invitationUrl")))
            .getText()
            .strip();
    String host = Http.hostOf(slug);

    // 2. The administrator accepts the invitation with a new account.
    mayor = Chromium.start();
    mayor.get(invitation);
    String password = "Maire-" + UUID.randomUUID();
    Chromium.register(mayor, "Marie", "Maire", mayorEmail, password);
    waiting(mayor).until(ExpectedConditions.urlContains(host)).booleanValue();

    // 3. New colours, on the portal at once.
    mayor.get(url(host, "/admin/town/branding.xhtml"));
    type(mayor, By.id("branding:primary"), "#6a1b4d");
    waiting(mayor)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "lisibles"));
    mayor.findElement(By.id("branding:save")).click();
    waiting(mayor)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("branding:messages"), "en ligne"));
    assertThat(Http.themeCss(host, "/")).contains("--town-primary:#6a1b4d");
    assertThat(Http.get(other.host(), "/").body()).doesNotContain("#6a1b4d");

    // 4. A procedure found in the catalogue editor, changed in place.
    mayor.get(url(host, "/admin/town/catalogue.xhtml"));
    type(mayor, By.id("catalogue:tabs:text"), "passeport");
    mayor.findElement(By.id("catalogue:tabs:apply")).click();
    waiting(mayor)
        .until(
            d ->
                d.findElements(By.cssSelector("#catalogue\\:tabs\\:procedures_data > tr")).size()
                        == 1
                    && d.findElement(By.id("catalogue:tabs:procedures"))
                        .getText()
                        .contains("passeport"));
    mayor.findElement(By.cssSelector("#catalogue\\:tabs\\:procedures .edit-link")).click();
    WebElement title =
        waiting(mayor).until(ExpectedConditions.elementToBeClickable(By.id("procedure:titleFr")));
    String procedureUrl = mayor.getCurrentUrl();
    String procedureSlug = procedureUrl.substring(procedureUrl.indexOf("slug=") + 5);
    title.clear();
    title.sendKeys("Passeport biométrique à " + commune.name());
    // The rich-text body: Quill's editable area.
    WebElement body = mayor.findElement(By.cssSelector("#procedure\\:bodyFr .ql-editor"));
    body.click();
    body.sendKeys(" Prenez rendez-vous trois semaines à l'avance.");
    WebElement added = Chromium.addChannel(mayor);
    added.findElement(By.cssSelector("input[id$=':labelFr']")).sendKeys("Mairie annexe du port");
    added.findElement(By.cssSelector("input[id$=':address']")).sendKeys("2 quai de la Marine");
    mayor.findElement(By.id("procedure:save")).click();
    waiting(mayor)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("procedure:messages"), "enregistrée"));

    String page = Http.get(host, "/demarches/" + procedureSlug).body();
    assertThat(page)
        .contains("Passeport biométrique à " + commune.name())
        .contains("trois semaines à l'avance")
        .contains("Mairie annexe du port")
        .contains("2 quai de la Marine");
    assertThat(Http.get(other.host(), "/demarches/" + procedureSlug).body())
        .doesNotContain("Mairie annexe du port");

    // 5. Withdrawn: gone from the portal, still seen in the editor's preview, then back.
    WebElement savedMessage = mayor.findElement(By.id("procedure:messages"));
    mayor.findElement(By.cssSelector("#procedure\\:published .ui-chkbox-box")).click();
    mayor.findElement(By.id("procedure:save")).click();
    waiting(mayor).until(ExpectedConditions.stalenessOf(savedMessage));
    waiting(mayor)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("procedure:messages"), "enregistrée"));
    assertThat(Http.get(host, "/demarches/" + procedureSlug).status()).isEqualTo(404);
    String preview = mayor.findElement(By.id("procedure:preview")).getAttribute("href");
    Http.Response previewed = Http.get(host, preview.substring(preview.indexOf("/demarches/")));
    assertThat(previewed.status()).isEqualTo(200);
    assertThat(previewed.body()).contains("Aperçu réservé").contains("Mairie annexe du port");
    assertThat(previewed.header("Cache-Control")).contains("no-store");
    // The link is bound to its town and procedure.
    assertThat(Http.get(other.host(), preview.substring(preview.indexOf("/demarches/"))).status())
        .isEqualTo(404);
    assertThat(Http.get(host, "/demarches/" + procedureSlug + "?apercu=1.forged").status())
        .isEqualTo(404);

    mayor.get(url(host, "/admin/town/catalogue.xhtml"));
    type(mayor, By.id("catalogue:tabs:text"), procedureSlug);
    mayor.findElement(By.id("catalogue:tabs:apply")).click();
    waiting(mayor)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#catalogue\\:tabs\\:procedures .publish-button")))
        .click();
    waiting(mayor)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("catalogue:messages"), "Publiée"));
    assertThat(Http.get(host, "/demarches/" + procedureSlug).status()).isEqualTo(200);
    ((JavascriptExecutor) mayor).executeScript("window.onbeforeunload = null;");
  }
}
