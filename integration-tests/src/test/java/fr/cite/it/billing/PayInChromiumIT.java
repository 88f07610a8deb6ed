package fr.cite.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.devstack.stripe.StripeDouble;
import fr.cite.it.support.Accessibility;
import fr.cite.it.support.Chromium;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestStripe;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A parent pays last month's invoice in Chromium: the family space's invoices (balance, the
 * forecast of this month, the PDF), "Payer en ligne" to the régie's Checkout on the local Stripe
 * double, paid there, back on the portal where the invoice shows paid with its receipt. The pages
 * pass axe-core and hold at 360 px.
 */
class PayInChromiumIT extends CiteIntegrationTest {

  static ChromeDriver chrome;

  @AfterAll
  static void stop() {
    if (chrome != null) {
      Chromium.quit(chrome);
    }
    if (officer != null) {
      Chromium.quit(officer);
    }
  }

  static void shot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) chrome).getScreenshotAs(OutputType.BYTES));
  }

  static List<String> phone(String page) throws Exception {
    chrome.manage().window().setSize(new Dimension(390, 844));
    try {
      shot("phone-" + page);
      Long scroll = (Long) chrome.executeScript("return document.documentElement.scrollWidth");
      Long width = (Long) chrome.executeScript("return document.documentElement.clientWidth");
      assertThat(scroll).as(page + " at 390 px").isLessThanOrEqualTo(width);
      return Accessibility.violations(chrome, page + " (390 px)");
    } finally {
      chrome.manage().window().setSize(new Dimension(1366, 900));
    }
  }

  @Test
  void aParentPaysLastMonthsInvoiceAndSeesItPaidWithAReceipt() throws Exception {
    TestKeycloak.awaitReady();
    StripeDouble stripe = TestStripe.get();
    BillingFixture f = new BillingFixture("chrome");
    f.bookMonth(BillingFixture.month(-1));
    long run = f.startRun(BillingFixture.month(-1)).getJsonNumber("id").longValue();
    f.awaitRun(run, "DRAFT", 60_000);
    f.issue(run);
    Http.Response onboard =
        Http.postJson(
            f.town.host(),
            "/api/v1/desk/billing/regies/" + f.regie + "/stripe",
            "",
            f.finance.bearer());
    String account =
        URI.create(onboard.json().getString("url"))
            .getPath()
            .substring("/connect/onboarding/".length());
    stripe.completeOnboarding(account);
    long deadline = System.currentTimeMillis() + 20_000;
    while (!f.invoicesOfParent().get(0).getBoolean("payableOnline")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    long invoice = f.invoicesOfParent().get(0).getJsonNumber("id").longValue();

    List<String> violations = new ArrayList<>();
    chrome = Chromium.start();
    chrome.manage().window().setSize(new Dimension(1366, 900));
    WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
    String base = "http://" + f.town.host() + ":" + Http.port();
    chrome.get(base + "/compte/famille/factures.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
        .sendKeys(f.parent.email());
    chrome.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")))
        .sendKeys(f.parent.password());
    chrome.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invoices")));
    assertThat(chrome.findElement(By.id("balance")).getText())
        .contains("Reste à payer")
        .contains("€");
    assertThat(chrome.findElement(By.id("forecast-title")).getText()).contains("Prochaine facture");
    shot("invoices");
    violations.addAll(Accessibility.violations(chrome, "invoices"));
    violations.addAll(phone("invoices"));
    // The PDF, as issued.
    String pdf = chrome.findElement(By.id("pdf-" + invoice)).getAttribute("href");
    assertThat(pdf).contains("/compte/famille/pdf?facture=" + invoice);

    chrome
        .findElement(By.cssSelector("#facture-" + invoice + " .pay-form input[type=submit]"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pay")));
    assertThat(chrome.getCurrentUrl()).startsWith(stripe.baseUrl() + "/checkout/");
    shot("stripe-double-checkout");
    chrome.findElement(By.id("pay")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-message")));
    assertThat(chrome.getCurrentUrl()).startsWith(base + "/compte/famille/factures.xhtml");
    // The webhook makes it paid in a moment; the page says so meanwhile.
    long until = System.currentTimeMillis() + 20_000;
    while (!chrome.findElement(By.id("facture-" + invoice)).getText().contains("Payée")
        && System.currentTimeMillis() < until) {
      Thread.sleep(500);
      chrome.navigate().refresh();
    }
    String card = chrome.findElement(By.id("facture-" + invoice)).getText();
    assertThat(card).contains("Payée").contains("Reçu R-");
    String receipt = card.replaceAll("(?s).*Reçu (R-[A-Z0-9-]+).*", "$1");
    assertThat(chrome.findElements(By.cssSelector("#facture-" + invoice + " .pay-form"))).isEmpty();
    shot("invoices-paid");
    violations.addAll(Accessibility.violations(chrome, "invoices, paid"));
    violations.addAll(phone("invoices-paid"));

    // A room's fee: announced on the form, invoiced on sending, paid from the request's page.
    Http.Response fee =
        Http.putJson(
            f.town.host(),
            "/api/v1/desk/billing/request-fees/reservation-salle",
            "{\"regieId\":"
                + f.regie
                + ",\"amountCents\":4500,"
                + "\"labelFr\":\"Location d'une salle municipale\"}",
            f.finance.bearer());
    assertThat(fee.status()).as(fee.toString()).isEqualTo(200);
    chrome.get(base + "/compte/demandes/nouvelle/reservation-salle");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fee-notice")));
    assertThat(chrome.findElement(By.id("fee-notice")).getText()).contains("45,00");
    List<org.openqa.selenium.WebElement> fields =
        chrome.findElements(
            By.cssSelector(
                "#demande input:not([type=hidden]):not([type=submit]), #demande textarea"));
    fields.get(0).sendKeys("Amicale des locataires");
    chrome.executeScript(
        "arguments[0].value = arguments[1]",
        fields.get(1),
        java.time.LocalDate.now().plusDays(20).toString());
    fields.get(2).sendKeys("40");
    fields.get(3).sendKeys("Assemblée générale");
    fields.get(4).sendKeys(f.parent.email());
    chrome.findElement(By.cssSelector("[id$='envoyer']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("frais")));
    assertThat(chrome.findElement(By.id("frais")).getText())
        .contains("Frais à régler : 45,00")
        .contains("Régie périscolaire");
    shot("request-fee");
    violations.addAll(Accessibility.violations(chrome, "request fee"));
    violations.addAll(phone("request-fee"));
    chrome.findElement(By.cssSelector("#frais .pay-form input[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pay")));
    assertThat(chrome.getCurrentUrl()).startsWith(stripe.baseUrl() + "/checkout/");
    chrome.findElement(By.id("pay")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-message")));
    long paidBy = System.currentTimeMillis() + 20_000;
    while (!chrome.findElement(By.id("fee-status")).getText().contains("Payés")
        && System.currentTimeMillis() < paidBy) {
      Thread.sleep(500);
      chrome.navigate().refresh();
    }
    assertThat(chrome.findElement(By.id("frais")).getText()).contains("Payés").contains("Reçu R-");
    shot("request-fee-paid");
    violations.addAll(Accessibility.violations(chrome, "request fee, paid"));
    assertThat(violations).isEmpty();

    // The régie's console: the régie connected, last month's run issued, its invoices, a refund.
    String email = "regie-" + java.util.UUID.randomUUID() + "@example.fr";
    String password = "Regie-" + java.util.UUID.randomUUID();
    fr.cite.it.support.TownStaff.joined(f.town, email, password, "FINANCE");
    officer = Chromium.start();
    officer.manage().window().setSize(new Dimension(1366, 900));
    WebDriverWait w = new WebDriverWait(officer, Duration.ofSeconds(30));
    officer.get(base + "/admin/desk/billing/");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
    officer.findElement(By.id("kc-login")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys(password);
    officer.findElement(By.id("kc-login")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("regies:table")));
    assertThat(officer.findElement(By.id("regies:table")).getText())
        .contains("Régie périscolaire")
        .contains("Paiement en ligne actif");
    assertThat(officer.findElement(By.id("regies:activities")).getText())
        .contains("Cantine Jules-Ferry")
        .contains("QF 0–399");
    shotOf(officer, "console-regies");
    officer.get(base + "/admin/desk/billing/runs.xhtml");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("runs:table")));
    assertThat(officer.findElement(By.id("runs:table")).getText())
        .contains("Émise")
        .contains(
            BillingFixture.month(-1)
                .format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "MMMM yyyy", java.util.Locale.FRENCH)));
    officer.findElement(By.cssSelector("[id$=':open']")).click();
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs:selected"), "F-"));
    officer.findElement(By.id("remboursement:receipt")).sendKeys(receipt);
    officer.findElement(By.id("remboursement:amount")).sendKeys("1,01");
    officer.findElement(By.id("remboursement:reason")).sendKeys("Repas non servi");
    officer.findElement(By.id("remboursement:refund")).click();
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("remboursement"), "avoir A-"));
    assertThat(officer.findElement(By.id("takings")).getText()).contains("1,01");
    shotOf(officer, "console-runs");
  }

  static ChromeDriver officer;

  static void shotOf(ChromeDriver c, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) c).getScreenshotAs(OutputType.BYTES));
  }
}
