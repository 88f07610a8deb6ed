package fr.cite.it.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Accessibility;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reporting from a phone in Chromium, as the issue tells it: on a 360 px wide viewport with a
 * mocked position, a resident reports a pothole with a photo; the public map and its list show it;
 * the roads agent (routed there by the sector's rule) resolves it; the resident answers "no" on the
 * report's page and it reopens. A report drafted offline leaves once the network returns, once.
 * Every page passes axe-core (WCAG 2.1 AA), and no request leaves the machine.
 */
class IncidentsInChromiumIT extends CiteIntegrationTest {

  static final double LAT = 47.21;
  static final double LON = -1.55;

  static ChromeDriver phone;
  static TestTowns.Town town;
  static String roadsEmail;
  static String roadsPassword;
  static ChromeDriver agent;
  static String base;

  @BeforeAll
  static void town() throws Exception {
    TestKeycloak.awaitReady();
    town = TestTowns.onboard();
    roadsEmail = "voirie-" + UUID.randomUUID() + "@example.fr";
    roadsPassword = "Voirie-" + UUID.randomUUID();
    TownStaff.joined(town, roadsEmail, roadsPassword, "AGENT");
    IncidentTowns.SetUp set = IncidentTowns.setUp(town, LAT, LON, roadsEmail);
    // A category with fields of its own.
    IncidentTowns.admin(
        town,
        set.admin(),
        "PUT",
        "categories/encombrant",
        "{\"nameFr\":\"Encombrant abandonné\",\"service\":\"proprete\",\"form\":{\"fields\":["
            + "{\"name\":\"volume\",\"type\":\"CHOICE\",\"label\":{\"fr\":\"Volume\"},"
            + "\"required\":true,\"options\":[{\"value\":\"petit\",\"label\":{\"fr\":\"Un sac\"}},"
            + "{\"value\":\"gros\",\"label\":{\"fr\":\"Des meubles\"}}]},"
            + "{\"name\":\"dangereux\",\"type\":\"CHECKBOX\",\"label\":{\"fr\":\"Produits dangereux\"}}]}}",
        201);
    base = "http://" + town.host() + ":" + Http.port();
    phone = Chromium.start();
    phone.manage().window().setSize(new Dimension(360, 800));
    phone.executeCdpCommand(
        "Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
    // In the north sector, 12 m accurate.
    phone.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", LAT + 0.01, "longitude", LON + 0.002, "accuracy", 12));
  }

  @AfterAll
  static void stop() {
    if (phone != null) {
      Chromium.quit(phone);
    }
    if (agent != null) {
      Chromium.quit(agent);
    }
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(phone, Duration.ofSeconds(30));
  }

  /** Every resource the page loaded came from the town's own host. */
  static void nothingLeftTheMachine(String page) {
    @SuppressWarnings("unchecked")
    List<String> urls =
        (List<String>)
            phone.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                    + ".concat([location.href]);");
    // blob: the photo read in the browser to be reduced, never sent anywhere as it is.
    assertThat(urls)
        .as(page)
        .isNotEmpty()
        .allMatch(u -> u.startsWith(base + "/") || u.startsWith("blob:" + base + "/"));
  }

  static void noSidewaysScroll(String page) {
    Long scroll = (Long) phone.executeScript("return document.documentElement.scrollWidth");
    Long viewport = (Long) phone.executeScript("return document.documentElement.clientWidth");
    assertThat(scroll).as(page).isLessThanOrEqualTo(viewport);
  }

  static Path photo() throws Exception {
    Path p = Files.createTempFile("nid-de-poule", ".jpg");
    BufferedImage image = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
    image.createGraphics().fillOval(500, 500, 2000, 1000);
    ImageIO.write(image, "jpeg", p.toFile());
    return p;
  }

  @Test
  void aResidentReportsAPotholeFromAPhoneAndTheRoadsAgentResolvesIt() throws Exception {
    List<String> violations = new ArrayList<>();
    phone.get(base + "/signalements/");
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#report-map .leaflet-pane")));
    violations.addAll(Accessibility.violations(phone, "report form"));
    Chromium.screenshot(phone, "incidents-phone-form");
    noSidewaysScroll("report form");

    phone.findElement(By.id("my-position")).click();
    waiting()
        .withMessage(() -> phone.findElement(By.id("incident-status")).getText())
        .until(d -> !d.findElement(By.id("lat")).getAttribute("value").isEmpty());
    assertThat(phone.findElement(By.id("incident-status")).getText()).contains("12 m");
    assertThat(phone.findElement(By.id("source")).getAttribute("value")).isEqualTo("GPS");
    // A category's own fields show when it is chosen, and go when another is.
    new Select(phone.findElement(By.id("category"))).selectByValue("encombrant");
    WebElement volume =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.id("answer-encombrant-volume")));
    assertThat(new Select(volume).getOptions()).hasSize(3);
    assertThat(phone.findElement(By.id("answer-encombrant-dangereux")).isDisplayed()).isTrue();
    violations.addAll(Accessibility.violations(phone, "category fields"));
    Chromium.screenshot(phone, "incidents-phone-category-fields");
    new Select(phone.findElement(By.id("category"))).selectByValue("nid-de-poule");
    assertThat(volume.isDisplayed()).isFalse();
    phone.findElement(By.id("description")).sendKeys("Trou profond devant la boulangerie");
    phone.findElement(By.id("photos")).sendKeys(photo().toString());
    String email = "riveraine-" + UUID.randomUUID() + "@example.fr";
    phone.findElement(By.id("email")).sendKeys(email);
    phone.findElement(By.id("send-report")).click();
    WebElement sent =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-sent")));
    String text = sent.getText();
    assertThat(text).contains("envoyé");
    String code = text.replaceAll("(?s).*courriel\\) : ([A-Za-z0-9-]+).*", "$1").strip();
    String link = sent.findElement(By.tagName("a")).getAttribute("href");
    long id = Long.parseLong(link.replaceAll(".*/signalements/", ""));
    violations.addAll(Accessibility.violations(phone, "report sent"));
    nothingLeftTheMachine("report form");
    try (Connection c = TestDatabase.asSuperuser();
        var s = c.createStatement();
        var r =
            s.executeQuery(
                "select v.code, p.width, i.location_source, i.accuracy_m from incident i join"
                    + " incident_service v on v.id = i.service_id join incident_photo p on"
                    + " p.incident_id = i.id where i.id = "
                    + id)) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("voirie");
      assertThat(r.getInt(2)).isLessThanOrEqualTo(1600);
      assertThat(r.getString(3)).isEqualTo("GPS");
      assertThat(r.getInt(4)).isEqualTo(12);
    }

    // The map and its list show it, with the same id.
    phone.get(
        base + "/signalements/carte?lat=" + (LAT + 0.01) + "&lon=" + (LON + 0.002) + "&zoom=17");
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#incident-list li[data-id='" + id + "']")));
    assertThat(phone.findElements(By.cssSelector("#public-map path.leaflet-interactive")))
        .isNotEmpty();
    violations.addAll(Accessibility.violations(phone, "map"));
    Chromium.screenshot(phone, "incidents-phone-map");
    noSidewaysScroll("map");
    nothingLeftTheMachine("map");

    // The roads agent finds it in their queue, on the console's map and table, and resolves it.
    agent = Chromium.start();
    agent.get(base + "/admin/desk/incidents/");
    WebDriverWait agentWait = new WebDriverWait(agent, Duration.ofSeconds(30));
    agentWait
        .until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
        .sendKeys(roadsEmail);
    agent.findElement(By.id("kc-login")).click();
    agentWait
        .until(ExpectedConditions.presenceOfElementLocated(By.id("password")))
        .sendKeys(roadsPassword);
    agent.findElement(By.id("kc-login")).click();
    agentWait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue:reports")));
    assertThat(agent.findElement(By.id("queue:reports")).getText())
        .contains("n° " + id)
        .contains("voirie");
    agentWait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#queue-map path.leaflet-interactive")));
    for (String[] status :
        new String[][] {{"ACKNOWLEDGED", "Pris en compte"}, {"RESOLVED", "Résolu"}}) {
      new Select(agent.findElement(By.id("queue:reports:0:vers"))).selectByValue(status[0]);
      agent.findElement(By.id("queue:reports:0:appliquer")).click();
      agentWait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("queue:messages"), "n° " + id + " : " + status[1]));
      if (status[0].equals("ACKNOWLEDGED")) {
        assertThat(agent.findElement(By.id("queue:reports")).getText()).contains("Pris en compte");
      }
    }
    assertThat(Http.get(town.host(), "/api/v1/incidents/" + id).json().getString("status"))
        .isEqualTo("RESOLVED");

    // The resident answers "no" on the report's page: it reopens.
    phone.get(link);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("answer:repondre")));
    assertThat(phone.findElement(By.tagName("main")).getText())
        .contains("Résolu")
        .contains("Le nid-de-poule a été rebouché.")
        .doesNotContain(email);
    violations.addAll(Accessibility.violations(phone, "resolved report"));
    noSidewaysScroll("report page");
    phone.findElement(By.cssSelector("input[name='answer:reponse'][value='NO']")).click();
    phone.findElement(By.id("answer:commentaire")).sendKeys("Toujours là");
    phone.findElement(By.id("answer:code")).sendKeys(code);
    phone.findElement(By.id("answer:repondre")).click();
    waiting()
        .withMessage(
            () -> phone.getCurrentUrl() + " " + phone.findElement(By.tagName("body")).getText())
        .until(ExpectedConditions.presenceOfElementLocated(By.id("answered")));
    assertThat(phone.findElement(By.tagName("main")).getText()).contains("Rouvert");
    violations.addAll(Accessibility.violations(phone, "reopened report"));
    nothingLeftTheMachine("report page");

    // The agent opens the report from the queue: why it came to roads, who filed it (agents
    // only); schedules the work, rewrites the public text and keeps the photo off the public map.
    agent.get(base + "/admin/desk/incidents/");
    agentWait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue:reports")));
    violations.addAll(Accessibility.violations(agent, "console queue"));
    Chromium.screenshot(agent, "incidents-console-queue");
    agent.findElement(By.id("queue:reports:0:ouvrir")).click();
    agentWait.until(ExpectedConditions.presenceOfElementLocated(By.id("routing")));
    assertThat(agent.findElement(By.id("facts")).getText())
        .contains("Rouvert")
        .contains(email)
        .contains("Nord");
    assertThat(agent.findElements(By.cssSelector(".photo-row img"))).hasSize(1);
    violations.addAll(Accessibility.violations(agent, "console report"));
    Chromium.screenshot(agent, "incidents-console-report");
    java.time.LocalDate on = java.time.LocalDate.now().plusDays(7);
    agent.executeScript(
        "document.getElementById('handle:date').value = arguments[0];", on.toString());
    agent.findElement(By.id("handle:programmer")).click();
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Intervention programmée"));
    assertThat(agent.findElement(By.id("status")).getText()).contains("Programmé");
    WebElement publicText = agent.findElement(By.id("moderation:texte"));
    publicText.clear();
    publicText.sendKeys("Trou profond sur la chaussée");
    agent.findElement(By.id("moderation:ph:0:cacher")).click();
    agent.findElement(By.id("moderation:moderer")).click();
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Modération enregistrée"));
    var published = Http.get(town.host(), "/api/v1/incidents/" + id).json();
    assertThat(published.getString("status")).isEqualTo("SCHEDULED");
    assertThat(published.getString("expectedOn")).isEqualTo(on.toString());
    assertThat(published.getString("description")).isEqualTo("Trou profond sur la chaussée");
    assertThat(published.getJsonArray("photos")).isEmpty();
    // Requalified to a place outside the north sector: no rule, no default service, so the front
    // desk, and the reason says so.
    agent.findElement(By.id("handle:lat")).sendKeys(String.valueOf(LAT - 0.01).replace('.', ','));
    agent.findElement(By.id("handle:lon")).sendKeys(String.valueOf(LON));
    agent.findElement(By.id("handle:requalifier")).click();
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "requalifié"));
    assertThat(agent.findElement(By.id("routing")).getText()).contains("requalifié par");
    try (Connection c = TestDatabase.asSuperuser();
        var s = c.createStatement();
        var r = s.executeQuery("select service_id, lat from incident where id = " + id)) {
      assertThat(r.next()).isTrue();
      assertThat(r.getObject(1)).isNull();
      assertThat(r.getDouble(2)).isCloseTo(LAT - 0.01, org.assertj.core.data.Offset.offset(1e-9));
    }

    // The resident stops following it from the link in their e-mails.
    String mailed =
        fr.cite.it.support.TestMail.awaitMessagesTo(email).stream()
            .map(fr.cite.it.support.TestMail.Received::body)
            .filter(b -> b.contains("jeton="))
            .findFirst()
            .orElseThrow();
    String token = mailed.replaceAll("(?s).*jeton=([0-9a-f-]{36}).*", "$1");
    phone.get(base + "/signalements/" + id + "?jeton=" + token);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unfollow:arreter")));
    violations.addAll(Accessibility.violations(phone, "stop following"));
    phone.findElement(By.id("unfollow:arreter")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unfollowed")));
    try (Connection c = TestDatabase.asSuperuser();
        var s = c.createStatement();
        var r =
            s.executeQuery(
                "select count(*) from incident_follower where incident_id = "
                    + id
                    + " and email = '"
                    + email
                    + "'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isZero();
    }
    // Another town's report (or none) under this number is not found.
    agent.get(base + "/admin/desk/incidents/report.xhtml?id=" + (id + 1_000_000));
    assertThat(agent.findElement(By.tagName("body")).getText()).doesNotContain("Rouvert");
    assertThat(violations).isEmpty();
  }

  /** Signs a staff member in through Keycloak's page in a new browser, at a console page. */
  static ChromeDriver signedIn(String path, String email, String password) throws Exception {
    ChromeDriver c = Chromium.start();
    c.manage().window().setSize(new Dimension(1280, 900));
    c.get(base + path);
    WebDriverWait w = new WebDriverWait(c, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
    c.findElement(By.id("kc-login")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys(password);
    c.findElement(By.id("kc-login")).click();
    return c;
  }

  @Test
  void anAdministratorSetsACategoryItsMessagesAndAPartnerKeyInTheConsole() throws Exception {
    String adminEmail = "reglages-" + UUID.randomUUID() + "@example.fr";
    String adminPassword = "Reglages-" + UUID.randomUUID();
    TownStaff.joined(town, adminEmail, adminPassword, "TOWN_ADMIN");
    ChromeDriver admin = signedIn("/admin/town/incidents.xhtml", adminEmail, adminPassword);
    try {
      List<String> violations = new ArrayList<>();
      WebDriverWait w = new WebDriverWait(admin, Duration.ofSeconds(30));
      w.until(ExpectedConditions.presenceOfElementLocated(By.id("categoriesLink")));
      violations.addAll(Accessibility.violations(admin, "incidents dashboard"));

      // The town's Base Adresse Locale, uploaded: three addresses kept, another commune's row
      // left out with its reason.
      String insee = town.commune().inseeCode();
      StringBuilder csv =
          new StringBuilder(
              "uid_adresse;cle_interop;commune_insee;commune_nom;voie_nom;numero;suffixe;"
                  + "position;long;lat;source;date_der_maj\n");
      for (int n = 1; n <= 3; n++) {
        csv.append(
            String.format(
                java.util.Locale.ROOT,
                ";%s_0001_%05d;%s;Commune;Rue des Tilleuls;%d;;entrée;%.6f;%.6f;commune;2026-01-01%n",
                insee,
                n,
                insee,
                n,
                LON + n * 0.0002,
                LAT));
      }
      csv.append(
          ";99999_0001_00001;99999;Ailleurs;Rue Autre;1;;entrée;2.0;48.0;commune;2026-01-01\n");
      Path bal = Files.createTempFile("bal", ".csv");
      Files.writeString(bal, csv);
      admin.findElement(By.id("bal:balFile")).sendKeys(bal.toString());
      admin.findElement(By.id("bal:importBal")).click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "3 adresses importées, 1 lignes écartées"));
      assertThat(admin.findElement(By.id("balCount")).getText()).isEqualTo("3");
      assertThat(Http.get(town.host(), "/api/v1/incidents/addresses?q=tilleuls").body())
          .contains("Rue des Tilleuls");
      violations.addAll(Accessibility.violations(admin, "addresses imported"));
      Chromium.screenshot(admin, "incidents-console-dashboard");
      admin.findElement(By.id("categoriesLink")).click();
      w.until(ExpectedConditions.presenceOfElementLocated(By.id("tree:categoryTable")));

      // A service and its agents: a bad address is refused with the field named, nothing saved.
      admin.findElement(By.id("services:nouveauService")).click();
      w.until(ExpectedConditions.visibilityOfElementLocated(By.id("services:serviceCode")))
          .sendKeys("espaces-verts");
      admin.findElement(By.id("services:serviceNameFr")).sendKeys("Espaces verts");
      admin
          .findElement(By.id("services:serviceAgents"))
          .sendKeys("jardinier@example.fr, pas-une-adresse");
      admin.findElement(By.id("services:enregistrerService")).click();
      w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Agents :"));
      assertThat(serviceCount("espaces-verts")).isZero();
      WebElement agentsField = admin.findElement(By.id("services:serviceAgents"));
      agentsField.clear();
      agentsField.sendKeys("jardinier@example.fr");
      admin.findElement(By.id("services:enregistrerService")).click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "« Espaces verts » enregistré"));
      assertThat(serviceCount("espaces-verts")).isEqualTo(1);
      assertThat(admin.findElement(By.id("services:serviceTable")).getText())
          .contains("jardinier@example.fr");
      assertThat(admin.findElement(By.id("tree:categoryTable")).getText())
          .contains("Nid-de-poule")
          .contains("nid-de-poule");
      violations.addAll(Accessibility.violations(admin, "categories"));

      // A radius over the API's limit: the API's message, nothing saved.
      admin
          .findElement(
              By.xpath("//tr[.//small[text()='nid-de-poule']]//button[contains(@id,'modifier')]"))
          .click();
      WebElement radius =
          w.until(ExpectedConditions.visibilityOfElementLocated(By.id("category:radius")));
      assertThat(radius.getAttribute("value")).isEqualTo("60");
      radius.clear();
      radius.sendKeys("5000");
      admin.findElement(By.id("category:enregistrer")).click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "Rayon des doublons (m) :"));
      assertThat(radiusOf("nid-de-poule")).isEqualTo(60);
      radius = admin.findElement(By.id("category:radius"));
      radius.clear();
      radius.sendKeys("80");
      admin.findElement(By.id("category:enregistrer")).click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "« Nid-de-poule » enregistrée"));
      assertThat(radiusOf("nid-de-poule")).isEqualTo(80);

      // The public message sent when a pothole is put under watch without the agent's own words
      // (the one for "resolved", set through the API, shows in its field as it is).
      String resolvedField =
          admin.findElement(By.xpath("//label[normalize-space()='Résolu']")).getAttribute("for");
      assertThat(admin.findElement(By.id(resolvedField)).getAttribute("value"))
          .isEqualTo("Le nid-de-poule a été rebouché.");
      String watchField =
          admin
              .findElement(By.xpath("//label[normalize-space()='Sous surveillance']"))
              .getAttribute("for");
      admin.findElement(By.id(watchField)).sendKeys("La voirie garde un œil sur ce point.");
      admin.findElement(By.id("category:enregistrerModeles")).click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "Messages enregistrés"));
      try (Connection c = TestDatabase.asSuperuser();
          var s = c.createStatement();
          var r =
              s.executeQuery(
                  "select t.text_fr from incident_message_template t join incident_category c on"
                      + " c.id = t.category_id where c.code = 'nid-de-poule' and t.status ="
                      + " 'UNDER_WATCH' and t.tenant_id = "
                      + town.id())) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("La voirie garde un œil sur ce point.");
      }
      violations.addAll(Accessibility.violations(admin, "category editor"));
      Chromium.screenshot(admin, "incidents-console-categories");

      // A partner's Open311 key, shown once, files a report; revoked, it no longer does.
      admin.findElement(By.id("keys:keyName")).sendKeys("Appli de quartier");
      admin.findElement(By.id("keys:emettre")).click();
      String key =
          w.until(ExpectedConditions.visibilityOfElementLocated(By.id("issuedKey"))).getText();
      assertThat(key).hasSizeGreaterThan(20);
      assertThat(open311File(key).status()).isEqualTo(201);
      violations.addAll(Accessibility.violations(admin, "open311 keys"));
      admin
          .findElement(
              By.xpath("//tr[td[text()='Appli de quartier']]//button[contains(@id,'revoquer')]"))
          .click();
      w.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
          .click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Clé révoquée"));
      assertThat(open311File(key).status()).isEqualTo(403);
      assertThat(violations).isEmpty();
    } finally {
      Chromium.quit(admin);
    }
  }

  static int serviceCount(String code) throws Exception {
    try (Connection c = TestDatabase.asSuperuser();
        var s = c.createStatement();
        var r =
            s.executeQuery(
                "select count(*) from incident_service v where v.code = '"
                    + code
                    + "' and v.tenant_id = "
                    + town.id())) {
      assertThat(r.next()).isTrue();
      return r.getInt(1);
    }
  }

  static int radiusOf(String code) throws Exception {
    try (Connection c = TestDatabase.asSuperuser();
        var s = c.createStatement();
        var r =
            s.executeQuery(
                "select duplicate_radius_m from incident_category where code = '"
                    + code
                    + "' and tenant_id = "
                    + town.id())) {
      assertThat(r.next()).isTrue();
      return r.getInt(1);
    }
  }

  static Http.Response open311File(String key) throws Exception {
    String form =
        "service_code=lampadaire&lat="
            + LAT
            + "&long="
            + LON
            + "&email=partenaire%40example.fr&description=Lampadaire+%C3%A9teint&api_key="
            + key;
    return Http.send(
        town.host(),
        "/open311/v2/requests.json",
        "application/x-www-form-urlencoded",
        form.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "POST");
  }

  @Test
  void aReportDraftedOfflineLeavesOnceWhenTheNetworkReturns() throws Exception {
    phone.get(base + "/signalements/");
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#report-map .leaflet-pane")));
    phone.findElement(By.id("my-position")).click();
    waiting()
        .withMessage(() -> phone.findElement(By.id("incident-status")).getText())
        .until(d -> !d.findElement(By.id("lat")).getAttribute("value").isEmpty());
    new Select(phone.findElement(By.id("category"))).selectByValue("lampadaire");
    String marker = "hors-ligne-" + UUID.randomUUID();
    phone.findElement(By.id("description")).sendKeys(marker);
    phone.findElement(By.id("email")).sendKeys("nuit-" + UUID.randomUUID() + "@example.fr");
    phone.executeCdpCommand("Network.enable", Map.of());
    phone.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    phone.findElement(By.id("send-report")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("incident-status"), "hors ligne"));
    assertThat(count(marker)).isZero();
    // Sent twice over: again by the button, and by the "online" event.
    phone.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("incident-status"), "envoyé"));
    phone.navigate().refresh();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("send-report")));
    Thread.sleep(1000);
    assertThat(count(marker)).isEqualTo(1);
  }

  static long count(String description) throws Exception {
    try (Connection c = TestDatabase.asSuperuser();
        var s = c.prepareStatement("select count(*) from incident where public_description = ?")) {
      s.setString(1, description);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
