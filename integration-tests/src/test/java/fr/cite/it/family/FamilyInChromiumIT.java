package fr.cite.it.family;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Accessibility;
import fr.cite.it.support.Checks;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The family space in Chromium, as the "done when" tells it: a parent comes from the
 * canteen procedure's "online" button, signs up, creates the household, adds two children,
 * registers one to the canteen; an agent accepts it in the console; the parent cancels and books a
 * day in the month's table, declares an absence with a certificate and applies for a crèche place
 * (and sees the place and points); the agent ranks the list and offers a place, the parent accepts
 * it; the agent takes the register of a session. The parent's pages pass axe-core (WCAG 2.1 AA) and
 * hold at 360 px.
 */
class FamilyInChromiumIT extends CiteIntegrationTest {

  static ChromeDriver parent;
  static ChromeDriver agent;

  @AfterAll
  static void stop() {
    if (parent != null) {
      Chromium.quit(parent);
    }
    if (agent != null) {
      Chromium.quit(agent);
    }
  }

  static WebDriverWait waiting(ChromeDriver c) {
    return new WebDriverWait(c, Duration.ofSeconds(30));
  }

  static List<String> axe(ChromeDriver c, String page) {
    return Accessibility.violations(c, page);
  }

  /** A screenshot for people to look at, in target/screenshots (laptop and phone widths). */
  static void shot(ChromeDriver c, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"),
          ((org.openqa.selenium.TakesScreenshot) c)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** At 360 px: no sideways scrolling, and axe-core again. */
  static List<String> onPhone(ChromeDriver c, String page) {
    c.manage().window().setSize(new Dimension(360, 800));
    try {
      shot(c, "phone-" + page.replaceAll("[^a-z0-9]+", "-"));
      Long scrollWidth = (Long) c.executeScript("return document.documentElement.scrollWidth");
      Long viewport = (Long) c.executeScript("return document.documentElement.clientWidth");
      assertThat(scrollWidth).as(page + " at 360 px").isLessThanOrEqualTo(viewport);
      return axe(c, page + " (360 px)");
    } finally {
      c.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  static void value(ChromeDriver c, By field, String value) {
    c.executeScript("arguments[0].value = arguments[1];", c.findElement(field), value);
  }

  static void open(ChromeDriver c, String summaryText) {
    for (WebElement s : c.findElements(By.tagName("summary"))) {
      if (s.getText().contains(summaryText)) {
        s.click();
        return;
      }
    }
    throw new AssertionError("no " + summaryText);
  }

  static String saved(ChromeDriver c) {
    return waiting(c)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")))
        .getText();
  }

  @Test
  void aParentRegistersBooksDeclaresAnAbsenceAndAppliesForACrecheAndAnAgentHandlesIt()
      throws Exception {
    TestKeycloak.awaitReady();
    TestTowns.Town town = TestTowns.onboard();
    String base = "http://" + town.host() + ":" + Http.port();
    TownStaff.Member setup = TownStaff.member(town, "setup", "TOWN_ADMIN");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    for (String[] a :
        new String[][] {
          {
            "cantine-ecole",
            "CANTEEN",
            "Restaurant scolaire",
            "École du Centre",
            "RELATIVE 2 CALENDAR 10:00",
            "restauration-scolaire"
          },
          {
            "creche-centre",
            "CRECHE",
            "Multi-accueil du Centre",
            "Quartier du Centre",
            "RELATIVE 7 CALENDAR 12:00",
            "inscription-creche"
          }
        }) {
      Http.Response r =
          Http.putJson(
              town.host(),
              "/api/v1/desk/family/activities/" + a[0],
              "{\"kind\":\""
                  + a[1]
                  + "\",\"nameFr\":\""
                  + a[2]
                  + "\",\"site\":\""
                  + a[3]
                  + "\",\"capacity\":30,"
                  + "\"days\":\"WORKING_DAYS\",\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],"
                  + "\"start\":\"08:00\",\"end\":\"17:00\",\"bookRule\":\""
                  + a[4]
                  + "\",\"cancelRule\":\""
                  + a[4]
                  + "\",\"latePolicy\":\"REFUSE\",\"procedureSlug\":\""
                  + a[5]
                  + "\"}",
              TownStaff.bearer(setup.token()));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
    List<String> violations = new ArrayList<>();

    // 1. From the canteen procedure's online button to the family space, signing up.
    parent = Chromium.start();
    parent.get(base + "/demarches/restauration-scolaire");
    assertThat(parent.findElement(By.tagName("main")).getText())
        .contains("Proposé par la commune")
        .contains("École du Centre");
    waiting(parent)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href*='/en-ligne/']")))
        .click();
    String email = "parent-" + UUID.randomUUID() + "@example.fr";
    Chromium.register(parent, "Claire", "Famille", email, "Parent-" + UUID.randomUUID());
    waiting(parent).until(ExpectedConditions.presenceOfElementLocated(By.id("foyer:creer")));
    assertThat(parent.getCurrentUrl()).contains("/compte/famille/");
    violations.addAll(axe(parent, "family space, no household"));
    violations.addAll(onPhone(parent, "family space, no household"));
    parent.findElement(By.id("foyer:adresse")).sendKeys("5 place de l'Hôtel-de-Ville");
    parent.findElement(By.id("foyer:codePostal")).sendKeys("76600");
    parent.findElement(By.id("foyer:ville")).sendKeys(town.commune().name());
    parent.findElement(By.id("foyer:creer")).click();
    assertThat(saved(parent)).contains("espace famille est créé");

    // 2. Two children: a pupil, then a baby.
    String[][] kids = {{"Jules", "2018-06-01"}, {"Alma", today.minusMonths(6).toString()}};
    for (String[] k : kids) {
      open(parent, "Ajouter un enfant");
      parent.findElement(By.id("enfant:prenom")).sendKeys(k[0]);
      parent.findElement(By.id("enfant:nom")).sendKeys("Famille");
      value(parent, By.id("enfant:naissance"), k[1]);
      parent.findElement(By.id("enfant:ajouter")).click();
      assertThat(saved(parent)).contains("L'enfant est ajouté");
    }
    assertThat(parent.findElement(By.id("children")).getText())
        .contains("Jules Famille")
        .contains("Alma Famille");
    violations.addAll(axe(parent, "family space"));
    violations.addAll(onPhone(parent, "family space"));

    // 3. Jules to the canteen every weekday for two months: a request.
    parent.findElements(By.linkText("Inscrire à une activité")).get(0).click();
    waiting(parent)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("inscription:envoyer")));
    violations.addAll(axe(parent, "registration form"));
    new Select(parent.findElement(By.id("inscription:activite")))
        .selectByVisibleText(
            "Restaurant scolaire — École du Centre (lun., mar., mer., jeu., ven.)");
    value(parent, By.id("inscription:du"), today.plusDays(1).toString());
    value(parent, By.id("inscription:au"), today.plusMonths(2).toString());
    for (String d : new String[] {"MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"}) {
      parent
          .findElement(By.cssSelector("input[name='inscription:jours'][value='" + d + "']"))
          .click();
    }
    parent.findElement(By.id("inscription:envoyer")).click();
    assertThat(saved(parent)).contains("demande d'inscription est envoyée");
    assertThat(parent.findElement(By.id("children")).getText()).contains("En attente");

    // 4. The agent accepts it in the console.
    Http.Response invited =
        Http.postJson(
            Http.PLATFORM,
            "/api/v1/platform/towns/" + town.slug() + "/staff",
            "{\"email\":\"agent-" + UUID.randomUUID() + "@example.fr\",\"role\":\"AGENT\"}",
            Http.operator());
    agent = Chromium.start();
    agent.get(invited.json().getString("invitationUrl"));
    Chromium.register(
        agent, "Alex", "Agent", invited.json().getString("email"), "Agent-" + UUID.randomUUID());
    waiting(agent).until(ExpectedConditions.urlContains(town.host()));
    agent.get(base + "/admin/desk/family/queue.xhtml");
    waiting(agent)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("queue:registrations"), "Jules Famille"));
    agent.findElement(By.cssSelector("[id$=':accepter']")).click();
    waiting(agent)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("queue:messages"), "Inscription acceptée"));

    // 5. The parent's month: cancel a booked day, then book it again.
    parent.get(base + "/compte/famille/");
    assertThat(parent.findElement(By.id("children")).getText()).contains("Acceptée");
    parent.findElements(By.linkText("Calendrier des réservations")).get(0).click();
    LocalDate day = today.plusDays(7);
    while (day.getDayOfWeek().getValue() > 5
        || day.getDayOfWeek().getValue() == 3
        || fr.cite.platform.family.domain.PublicHolidays.is(day)) {
      day = day.plusDays(1);
    }
    if (day.getMonthValue() != today.getMonthValue()) {
      parent.findElement(By.id("mois-suivant")).click();
    }
    By row = By.cssSelector("tr[id^='jour-" + day + "-']");
    waiting(parent).until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(parent.findElement(row).getText()).contains("Réservé");
    violations.addAll(axe(parent, "calendar"));
    shot(parent, "laptop-calendar");
    violations.addAll(onPhone(parent, "calendar"));
    parent.findElement(row).findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(saved(parent)).contains("est annulé");
    assertThat(parent.findElement(row).getText()).contains("Annulé");
    parent.findElement(row).findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(saved(parent)).contains("est réservé");
    // Keyboard: the day's button is reachable and has the day in its accessible name.
    assertThat(parent.findElement(row).findElement(By.cssSelector("button")).getText())
        .contains("Annuler");

    // 6. An absence with a medical certificate.
    Path certificate = Files.createTempFile("certificat", ".pdf");
    Files.writeString(
        certificate,
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    parent.get(base + "/compte/famille/");
    parent.findElements(By.linkText("Déclarer une absence")).get(0).click();
    waiting(parent).until(ExpectedConditions.presenceOfElementLocated(By.id("absence:envoyer")));
    violations.addAll(axe(parent, "absence form"));
    value(parent, By.id("absence:premier"), today.toString());
    value(parent, By.id("absence:dernier"), today.toString());
    parent.findElement(By.id("absence:certificat")).sendKeys(certificate.toString());
    parent.findElement(By.id("absence:envoyer")).click();
    assertThat(saved(parent)).contains("absence est déclarée");

    // 7. A crèche application for Alma: position and points shown.
    parent.get(base + "/compte/famille/creche.xhtml");
    waiting(parent).until(ExpectedConditions.presenceOfElementLocated(By.id("creche:envoyer")));
    assertThat(parent.findElement(By.id("grille")).getText())
        .contains("Famille habitant la commune");
    violations.addAll(axe(parent, "crèche form"));
    violations.addAll(onPhone(parent, "crèche form"));
    new Select(parent.findElement(By.id("creche:enfant"))).selectByVisibleText("Alma Famille");
    value(parent, By.id("creche:debut"), today.plusDays(30).toString());
    for (String d : new String[] {"MONDAY", "TUESDAY", "THURSDAY"}) {
      parent.findElement(By.cssSelector("input[name='creche:jours'][value='" + d + "']")).click();
    }
    parent.findElement(By.cssSelector("input[name='creche:voeux']")).click();
    parent
        .findElement(By.cssSelector("input[name='creche:criteres'][value='BOTH_WORKING']"))
        .click();
    parent.findElement(By.id("creche:envoyer")).click();
    assertThat(saved(parent)).contains("place en crèche est enregistrée");
    WebElement application = parent.findElement(By.cssSelector(".creche-application"));
    assertThat(application.getText())
        .contains("Position sur la liste d'attente : 1 sur 1")
        .contains("45 points")
        .contains("Deux parents qui travaillent");

    // 8. The commission ranks and offers; the parent accepts.
    agent.get(base + "/admin/desk/family/creche.xhtml");
    waiting(agent)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("commission:ranking"), "Alma Famille"));
    new Select(agent.findElement(By.cssSelector("select[id$=':creche_input']"))).selectByIndex(1);
    value(agent, By.cssSelector("input[id$=':debut']"), today.plusDays(30).toString());
    value(agent, By.cssSelector("input[id$=':limite']"), today.plusDays(10).toString());
    agent.findElement(By.cssSelector("[id$=':proposer']")).click();
    waiting(agent)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("commission:messages"), "Place proposée"));
    parent.get(base + "/compte/famille/");
    parent.findElement(By.cssSelector("[id$='reponse:accepter']")).click();
    assertThat(saved(parent)).contains("Place acceptée");
    violations.addAll(axe(parent, "family space with a crèche place"));
    shot(parent, "laptop-family-space");
    violations.addAll(onPhone(parent, "family space with a crèche place"));

    // 9. The register of today's canteen session (made here if today has none).
    long session;
    try (Connection db = TestDatabase.asSuperuser()) {
      long activity =
          Checks.count(
              db,
              "select id from family_activity where tenant_id = "
                  + town.id()
                  + " and slug = 'cantine-ecole'");
      long child =
          Checks.count(
              db,
              "select id from family_child where tenant_id = "
                  + town.id()
                  + " and first_name = 'Jules'");
      long registration =
          Checks.count(db, "select id from family_registration where child_id = " + child);
      db.createStatement()
          .execute(
              "insert into family_session (id, tenant_id, activity_id, day, capacity) values (nextval('family_seq'), "
                  + town.id()
                  + ", "
                  + activity
                  + ", current_date, 30) on conflict do nothing");
      session =
          Checks.count(
              db,
              "select id from family_session where activity_id = "
                  + activity
                  + " and day = current_date");
      db.createStatement()
          .execute(
              "insert into family_booking (id, tenant_id, child_id, session_id, registration_id, status, source, updated_at)"
                  + " values (nextval('family_seq'), "
                  + town.id()
                  + ", "
                  + child
                  + ", "
                  + session
                  + ", "
                  + registration
                  + ", 'BOOKED', 'AGENT', now()) on conflict do nothing");
    }
    agent.get(base + "/admin/desk/family/register.xhtml?seance=" + session);
    waiting(agent)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("register"), "Jules"));
    agent.findElement(By.cssSelector("#register button[aria-label^='Présent']")).click();
    waiting(agent)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("register"), "Présent"));
    shot(agent, "laptop-register");
    agent.manage().window().setSize(new Dimension(390, 844));
    shot(agent, "phone-register");
    agent.manage().window().setSize(new Dimension(1280, 1000));
    agent.get(base + "/admin/desk/family/index.xhtml");
    shot(agent, "laptop-family-desk");
    try (Connection db = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  db,
                  "select count(*) from family_attendance where session_id = "
                      + session
                      + " and status = 'PRESENT'"))
          .isEqualTo(1);
    }
    assertThat(violations).isEmpty();
  }
}
