package fr.cite.it.consoles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Browser;
import fr.cite.it.support.Checks;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import java.sql.Connection;
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
 * The town's console in Chromium: its administrator, who joined through an invitation, changes the
 * portal's colours (refused when too light to stand out) and the change shows on the portal at
 * once; invites an agent. Agents, other towns' administrators and the platform host get no settings
 * page.
 */
class TownConsoleIT extends CiteIntegrationTest {

  static ChromeDriver chrome;
  static TestTowns.Town town;
  static TestTowns.Town other;
  static String adminEmail;
  static Browser adminBrowser;

  @BeforeAll
  static void anAdministratorInChromium() throws Exception {
    TestKeycloak.awaitReady();
    town = TestTowns.onboard();
    other = TestTowns.onboard();
    adminEmail = "maire-" + UUID.randomUUID() + "@example.fr";
    String password = "Maire-" + UUID.randomUUID();
    adminBrowser = TownStaff.joined(town, adminEmail, password, "TOWN_ADMIN");
    chrome = Chromium.start();
    chrome.get(url(town.host(), "/admin/town/branding.xhtml"));
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
        .sendKeys(adminEmail);
    chrome.findElement(By.id("kc-login")).click();
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("password")))
        .sendKeys(password);
    chrome.findElement(By.id("kc-login")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("branding:primary")));
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      Chromium.quit(chrome);
    }
  }

  static String url(String host, String path) {
    return "http://" + host + ":" + Http.port() + path;
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(chrome, Duration.ofSeconds(30));
  }

  static void type(String id, String value) {
    WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.id(id)));
    input.clear();
    input.sendKeys(value);
  }

  @Test
  void theAdministratorChangesTheColoursAndThePortalShowsThemAtOnce() {
    chrome.get(url(town.host(), "/admin/town/branding.xhtml"));
    type("branding:primary", "#f0f0f0");
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "trop claire"));
    chrome.findElement(By.id("branding:save")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("branding:messages"), "trop claire"));
    assertThat(Http.themeCss(town.host(), "/")).doesNotContain("#f0f0f0");

    type("branding:primary", "#5a1e82");
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "lisibles"));
    assertThat(chrome.findElement(By.id("primaryOnPage")).getText()).isEqualTo("10.8:1");
    chrome.findElement(By.id("branding:save")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("branding:messages"), "en ligne"));
    assertThat(Http.themeCss(town.host(), "/")).contains("--town-primary:#5a1e82");
    assertThat(Http.themeCss(other.host(), "/")).doesNotContain("#5a1e82");
  }

  @Test
  void theAdministratorUploadsALogoAndAFakeOneIsRefused() throws Exception {
    java.nio.file.Path fake = java.nio.file.Files.createTempFile("logo", ".png");
    java.nio.file.Files.writeString(fake, "<svg xmlns='http://www.w3.org/2000/svg'/>");
    chrome.get(url(town.host(), "/admin/town/branding.xhtml"));
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("logo:file")))
        .sendKeys(fake.toString());
    chrome.findElement(By.id("logo:upload")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("logo:logoMessages"), "PNG"));
    assertThat(Http.get(town.host(), "/api/v1/town/logo").status()).isEqualTo(404);

    java.nio.file.Path png = java.nio.file.Files.createTempFile("logo", ".png");
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(image, "png", png.toFile());
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("logo:file")))
        .sendKeys(png.toString());
    chrome.findElement(By.id("logo:upload")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("logo:logoMessages"), "logo est en ligne"));
    Http.Response logo = Http.get(town.host(), "/api/v1/town/logo");
    assertThat(logo.status()).isEqualTo(200);
    assertThat(logo.header("Content-Type")).isEqualTo("image/png");
    assertThat(Http.get(town.host(), "/").body()).contains("/api/v1/town/logo?v=");
  }

  @Test
  void theAdministratorSchedulesAHighlightThatShowsOnTheHomeBetweenItsDates() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    java.time.format.DateTimeFormatter d =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    chrome.get(url(town.host(), "/admin/town/home.xhtml"));
    type("home:titleFr", "Collecte des sapins");
    type("home:textFr", "Déposez votre sapin aux points de collecte.");
    type("home:startsOn", d.format(today));
    type("home:endsOn", d.format(today.plusDays(1)));
    chrome.findElement(By.tagName("h1")).click();
    chrome.findElement(By.id("home:addHighlight")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("home:messages"), "Mise en avant ajoutée"));
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("home:calendar"), "Collecte des sapins"));
    assertThat(Http.get(town.host(), "/").body()).contains("Collecte des sapins");
    assertThat(Http.get(other.host(), "/").body()).doesNotContain("Collecte des sapins");

    type("home:titleFr", "Brocante à l'envers");
    type("home:textFr", "Elle finit avant de commencer.");
    type("home:startsOn", d.format(today.plusDays(3)));
    type("home:endsOn", d.format(today.plusDays(2)));
    chrome.findElement(By.tagName("h1")).click();
    chrome.findElement(By.id("home:addHighlight")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("home:messages"), "terminer avant"));
    assertThat(Http.get(town.host(), "/api/v1/catalogue/highlights").body())
        .doesNotContain("Brocante");
  }

  @Test
  void theDashboardShowsWhatCitizensViewAndWhatTheirSearchesMissed() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(
              Http.get(
                      town.host(),
                      "/demarches/portage-repas",
                      "User-Agent",
                      fr.cite.it.support.UsageCountingBrowser.UA.replace(
                          "131", String.valueOf(100 + i)))
                  .status())
          .isEqualTo(200);
    }
    assertThat(Http.get(town.host(), "/recherche?q=piscine+municipale").status()).isEqualTo(200);
    assertThat(
            Http.get(town.host(), "/api/v1/catalogue/search?q=Piscine%20Municipale")
                .json()
                .getInt("totalItems"))
        .isZero();
    assertThat(Http.get(other.host(), "/recherche?q=patinoire").status()).isEqualTo(200);
    Thread.sleep(2_500);
    chrome.get(url(town.host(), "/admin/town/dashboard.xhtml"));
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("mostViewed"), "portage de repas"));
    String misses = chrome.findElement(By.id("misses")).getText();
    assertThat(misses).contains("piscine municipale").doesNotContain("patinoire");
    assertThat(misses).contains("2");
    assertThat(chrome.findElements(By.cssSelector("#activity canvas"))).hasSize(1);
  }

  @Test
  void theAdministratorInvitesAnAgent() throws Exception {
    String agent = "agent-" + UUID.randomUUID() + "@example.fr";
    chrome.get(url(town.host(), "/admin/town/staff.xhtml"));
    type("team:email", agent);
    chrome.findElement(By.id("team:invite")).click();
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("team:members"), agent));
    assertThat(chrome.findElement(By.id("team:members")).getText())
        .contains("Invitation en attente");
    assertThat(TestMail.awaitMessagesTo(agent)).isNotEmpty();
    try (Connection su = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  su,
                  "select count(*) from audit_entry where action = 'staff.invited' and actor_kind = 'TOWN_STAFF'"
                      + " and tenant_id = "
                      + town.id()
                      + " and target = '"
                      + agent
                      + "'"))
          .isEqualTo(1);
    }
  }

  @Test
  void onlyTheTownsAdministratorsOpenItsSettings() throws Exception {
    String agentEmail = "agent-" + UUID.randomUUID() + "@example.fr";
    Browser agent = TownStaff.joined(town, agentEmail, "Agent-" + UUID.randomUUID(), "AGENT");
    assertThat(agent.get(url(town.host(), "/admin/")).status()).isEqualTo(200);
    assertThat(agent.get(url(town.host(), "/admin/town/branding.xhtml")).status()).isEqualTo(403);
    assertThat(agent.get(url(town.host(), "/admin/town/staff.xhtml")).status()).isEqualTo(403);
    assertThat(agent.get(url(town.host(), "/admin/town/catalogue.xhtml")).status()).isEqualTo(403);
    assertThat(
            agent.get(url(town.host(), "/admin/town/procedure.xhtml?slug=carte-identite")).status())
        .isEqualTo(403);
    assertThat(agent.get(url(town.host(), "/admin/town/settings.xhtml")).status()).isEqualTo(403);
    Browser.Page ajax =
        agent.post(
            url(town.host(), "/admin/town/catalogue.xhtml"),
            Browser.fields(
                "jakarta.faces.partial.ajax",
                "true",
                "jakarta.faces.source",
                "catalogue:tabs:apply",
                "catalogue",
                "catalogue"));
    assertThat(ajax.status()).isEqualTo(403);

    // The administrator of this town is nobody on the other town.
    Browser.Page onOther = adminBrowser.get(url(other.host(), "/admin/town/branding.xhtml"));
    assertThat(onOther.status()).isIn(200, 403);
    if (onOther.status() == 200) {
      assertThat(onOther.body()).doesNotContain("branding:primary");
    }
    assertThat(Http.get(Http.PLATFORM, "/admin/town/branding.xhtml").status()).isIn(302, 303, 404);
  }

  @Test
  void theCatalogueEditorRefusesBadInputAndSavesNothing() {
    String before = Http.get(town.host(), "/demarches/carte-identite").body();
    chrome.get(url(town.host(), "/admin/town/procedure.xhtml?slug=carte-identite"));
    WebElement title =
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("procedure:titleFr")));
    title.clear();
    WebElement added = Chromium.addChannel(chrome);
    added.findElement(By.cssSelector("input[id$=':labelFr']")).sendKeys("Lien piégé");
    chrome.findElement(By.id("procedure:save")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("procedure:messages"), "Ce champ est obligatoire"));
    assertThat(chrome.findElement(By.id("procedure:messages")).getText())
        .contains("Titre (français)");
    assertThat(Http.get(town.host(), "/demarches/carte-identite").body()).isEqualTo(before);

    // A page that does not exist in this town is a 404, not an empty form.
    assertThat(
            adminBrowser
                .get(url(town.host(), "/admin/town/procedure.xhtml?slug=n-existe-pas"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void themesAreCreatedReorderedAndHiddenFromThePortal() {
    chrome.get(url(town.host(), "/admin/town/catalogue.xhtml"));
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., 'Thèmes')]")))
        .click();
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("catalogue:tabs:newTheme")))
        .click();
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("catalogue:nameFr")))
        .sendKeys("Plages et littoral");
    chrome.findElement(By.id("catalogue:nameEn")).sendKeys("Beaches and coast");
    chrome.findElement(By.id("catalogue:saveEdited")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("catalogue:tabs:themes"), "Plages et littoral"));
    assertThat(Http.get(town.host(), "/themes/plages-et-littoral").status()).isEqualTo(200);
    assertThat(Http.get(other.host(), "/themes/plages-et-littoral").status()).isEqualTo(404);

    // Hidden: gone from the portal, kept in the console.
    WebElement row =
        chrome.findElement(
            By.xpath(
                "//tbody[@id='catalogue:tabs:themes_data']/tr[contains(., 'Plages et littoral')]"));
    row.findElement(By.xpath(".//button[contains(., 'Retirer')]")).click();
    waiting()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(
                        By.xpath(
                            "//tbody[@id='catalogue:tabs:themes_data']/tr[contains(., 'Plages et littoral')]"))
                    .getText()
                    .contains("Masqué"));
    assertThat(Http.get(town.host(), "/themes/plages-et-littoral").status()).isEqualTo(404);

    // Moved up: it comes before the theme that was above it.
    java.util.List<String> before = topThemes();
    int at = before.indexOf("Plages et littoral");
    chrome
        .findElement(
            By.xpath(
                "//tbody[@id='catalogue:tabs:themes_data']/tr[contains(., 'Plages et littoral')]//button[@title='Monter']"))
        .click();
    waiting()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> topThemes().indexOf("Plages et littoral") == at - 1);
  }

  /** Names of the top-level themes in the console's order. */
  static java.util.List<String> topThemes() {
    return chrome.findElements(By.cssSelector("#catalogue\\:tabs\\:themes .theme-top")).stream()
        .map(e -> e.getText().strip())
        .toList();
  }
}
