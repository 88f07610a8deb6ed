package fr.cite.it.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Accessibility;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Requests in Chromium, as the issue tells it: a citizen goes from the graffiti procedure's
 * "online" link to its form, signs up, sends it with a photo (a bad attempt first: the errors are
 * listed and each field says what is wrong, nothing is filed); finds it in "Mon compte"; an agent
 * takes it in the console and closes it with a message; the citizen sees it done and receives the
 * e-mails. The citizen's pages pass axe-core (WCAG 2.1 AA) and hold on a phone's width.
 */
class RequestsInChromiumIT extends CiteIntegrationTest {

  static ChromeDriver citizen;
  static ChromeDriver agent;

  @AfterAll
  static void stop() {
    if (citizen != null) {
      Chromium.quit(citizen);
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

  static void noSidewaysScroll(ChromeDriver c, String page) {
    c.manage().window().setSize(new Dimension(360, 800));
    try {
      Long scrollWidth = (Long) c.executeScript("return document.documentElement.scrollWidth");
      Long viewport = (Long) c.executeScript("return document.documentElement.clientWidth");
      Object wide =
          c.executeScript(
              "var w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
                  + ".filter(function (e) { return e.getBoundingClientRect().right > w + 1; })"
                  + ".map(function (e) { return e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right); })"
                  + ".slice(0, 8).join(', ');");
      assertThat(scrollWidth).as(page + ": " + wide).isLessThanOrEqualTo(viewport);
    } finally {
      c.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  void aCitizenReportsGraffitiWithAPhotoAndAnAgentResolvesIt() throws Exception {
    TestKeycloak.awaitReady();
    TestTowns.Town town = TestTowns.onboard();
    String base = "http://" + town.host() + ":" + Http.port();
    List<String> violations = new ArrayList<>();
    Path photo = Files.createTempFile("graffiti", ".jpg");
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    image.createGraphics().fillOval(40, 40, 200, 120);
    ImageIO.write(image, "jpeg", photo.toFile());

    // From the procedure's "online" link to the form without account, then signed in.
    citizen = Chromium.start();
    citizen.get(base + "/demarches/graffitis");
    waiting(citizen)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href*='/en-ligne/']")))
        .click();
    waiting(citizen).until(ExpectedConditions.urlContains("/signaler/enlevement-graffitis"));
    violations.addAll(axe(citizen, "form without account"));
    noSidewaysScroll(citizen, "form without account");
    citizen.findElement(By.cssSelector("a[href*='/compte/demandes/nouvelle/']")).click();
    String email = "riverain-" + UUID.randomUUID() + "@example.fr";
    Chromium.register(citizen, "Rémi", "Riverain", email, "Riverain-" + UUID.randomUUID());
    waiting(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("demande:envoyer")));
    violations.addAll(axe(citizen, "form"));

    // Sent empty: errors listed at the top and by each field; nothing filed.
    citizen.findElement(By.id("demande:envoyer")).click();
    waiting(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("erreurs")));
    assertThat(citizen.findElement(By.id("erreurs")).getText())
        .contains("Adresse des graffitis")
        .contains("Ce champ est obligatoire");
    violations.addAll(axe(citizen, "form with errors"));

    citizen.findElement(By.cssSelector("#champ-adresse input")).sendKeys("14 rue des Écoles");
    citizen.findElement(By.cssSelector("#champ-support input[value='mobilier-urbain']")).click();
    citizen
        .findElement(By.cssSelector("#champ-description textarea"))
        .sendKeys("Tags sur l'abribus");
    citizen.findElement(By.cssSelector("#champ-photo input[type=file]")).sendKeys(photo.toString());
    citizen.findElement(By.id("demande:envoyer")).click();
    waiting(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
    String reference = citizen.findElement(By.id("reference")).getText().strip();
    assertThat(reference).matches("[A-Z]{2,3}-\\d{4}-\\d{6}");
    assertThat(citizen.findElement(By.tagName("main")).getText())
        .contains("14 rue des Écoles")
        .contains(".jpg");
    violations.addAll(axe(citizen, "request page"));
    noSidewaysScroll(citizen, "request page");

    citizen.get(base + "/compte/");
    assertThat(citizen.findElement(By.id("requests")).getText())
        .contains("Enlèvement de graffitis")
        .contains(reference);
    violations.addAll(axe(citizen, "Mon compte"));
    noSidewaysScroll(citizen, "Mon compte");

    // The agent takes it and closes it with a message.
    String agentEmail = "agent-" + UUID.randomUUID() + "@example.fr";
    String agentPassword = "Agent-" + UUID.randomUUID();
    TownStaff.joined(town, agentEmail, agentPassword, "AGENT");
    agent = Chromium.start();
    agent.get(base + "/admin/desk/requests.xhtml");
    waiting(agent)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
        .sendKeys(agentEmail);
    agent.findElement(By.id("kc-login")).click();
    waiting(agent)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("password")))
        .sendKeys(agentPassword);
    agent.findElement(By.id("kc-login")).click();
    waiting(agent)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue:table"), reference));
    agent.findElement(By.linkText(reference)).click();
    waiting(agent).until(ExpectedConditions.elementToBeClickable(By.id("request:take"))).click();
    waiting(agent)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("assignee"), agentEmail));
    ((org.openqa.selenium.JavascriptExecutor) agent)
        .executeScript("PF('newStatusMenu').selectValue('DONE')");
    agent.findElement(By.id("request:message")).sendKeys("L'abribus a été nettoyé ce matin.");
    agent.findElement(By.id("request:move")).click();
    waiting(agent)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Traitée"));
    assertThat(agent.findElement(By.cssSelector("a.file-link")).getText()).endsWith(".jpg");

    // A caller's request, filed by the agent with its channel.
    agent.get(base + "/admin/desk/requests.xhtml");
    waiting(agent)
        .until(ExpectedConditions.elementToBeClickable(By.id("queue:newRequest")))
        .click();
    waiting(agent)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("behalf:contactName")))
        .sendKeys("Mme Appel");
    ((org.openqa.selenium.JavascriptExecutor) agent)
        .executeScript(
            "var w = PF('newTypeMenu'); w.selectValue('probleme-voirie');"
                + " if (w.triggerChange) { w.triggerChange(); } else { w.callBehavior('change'); }");
    waiting(agent)
        .until(d -> d.findElements(By.cssSelector("#behalf\\:fields input[id$=':v']")).size() == 2);
    List<org.openqa.selenium.WebElement> texts =
        agent.findElements(By.cssSelector("#behalf\\:fields input[id$=':v']"));
    texts.get(0).sendKeys("Rue du Moulin");
    texts.get(1).sendKeys("Lampadaire clignotant");
    ((org.openqa.selenium.JavascriptExecutor) agent)
        .executeScript("document.querySelector('#behalf\\\\:fields select').value = 'eclairage';");
    agent.findElement(By.id("behalf:file")).click();
    waiting(agent).until(ExpectedConditions.urlContains("/desk/request.xhtml"));
    assertThat(agent.findElement(By.tagName("main")).getText())
        .contains("Téléphone")
        .contains("Mme Appel")
        .contains("Lampadaire clignotant");

    // The citizen sees it done, with the message, and got the e-mails.
    citizen.get(base + "/compte/demandes/" + reference);
    assertThat(citizen.findElement(By.id("status")).getText()).isEqualTo("Traitée");
    assertThat(citizen.findElement(By.id("history")).getText()).contains("nettoyé ce matin");
    RequestLifecycleIT.awaitMail(email, reference, "bien reçue");
    RequestLifecycleIT.awaitMail(email, reference, "est traitée", "nettoyé ce matin");

    // On another town, the same account finds nothing of it.
    TestTowns.Town other = TestTowns.onboard();
    citizen.get("http://" + other.host() + ":" + Http.port() + "/compte/demandes/" + reference);
    waiting(citizen).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    assertThat(citizen.findElement(By.tagName("main")).getText())
        .doesNotContain("14 rue des Écoles");
    citizen.get("http://" + other.host() + ":" + Http.port() + "/compte/");
    assertThat(citizen.findElement(By.tagName("main")).getText()).doesNotContain(reference);

    // Following without account: the tracking page itself.
    citizen.get(base + "/suivi");
    violations.addAll(axe(citizen, "tracking"));
    assertThat(violations).isEmpty();
    assertThat(TestMail.awaitMessagesTo(email)).isNotEmpty();
  }
}
