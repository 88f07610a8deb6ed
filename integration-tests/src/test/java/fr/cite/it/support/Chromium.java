package fr.cite.it.support;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver (packages {@code chromium} and {@code
 * chromium-driver}): headless, sandbox off (tests run as root), no background network traffic.
 * Chromium resolves {@code *.localhost} to this machine by itself.
 */
public final class Chromium {

  private Chromium() {}

  public static ChromeDriver start() throws java.io.IOException {
    String binary = System.getProperty("cite.chromium", "/usr/bin/chromium");
    String driver = System.getProperty("cite.chromedriver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=fr-FR",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("cite-chromium"));
    // The browser's console, to find Content-Security-Policy violations (see quit).
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return chrome;
  }

  /**
   * The whole page as the browser shows it (beyond the viewport), as {@code
   * target/screenshots/<name>.png}: to look at what was built, as its users will.
   */
  public static void screenshot(ChromeDriver chrome, String name) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
    java.nio.file.Files.createDirectories(dir);
    Object data =
        chrome
            .executeCdpCommand(
                "Page.captureScreenshot",
                java.util.Map.of("format", "png", "captureBeyondViewport", true))
            .get("data");
    java.nio.file.Files.write(
        dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) data));
  }

  /**
   * Quits the browser, then fails if any page it showed broke the Content-Security-Policy (the
   * browser's console says so): every page must work under the policy, with no inline script.
   */
  public static void quit(ChromeDriver chrome) {
    java.util.List<String> violations = new java.util.ArrayList<>();
    try {
      for (org.openqa.selenium.logging.LogEntry e :
          chrome.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
        String m = e.getMessage();
        if (m.contains("Content Security Policy") || m.contains("Content-Security-Policy")) {
          violations.add(m);
        }
      }
    } finally {
      chrome.quit();
    }
    org.assertj.core.api.Assertions.assertThat(violations)
        .as("Content-Security-Policy violations in the browser's console")
        .isEmpty();
  }

  /**
   * From Keycloak's sign-in page: follows "register" and creates an account; returns once the form
   * is sent.
   */
  public static void register(
      ChromeDriver chrome, String firstName, String lastName, String email, String password) {
    var wait = new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(30));
    wait.until(
            org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                org.openqa.selenium.By.cssSelector("a[href*='login-actions/registration']")))
        .click();
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
            org.openqa.selenium.By.id("kc-register-form")));
    chrome.findElement(org.openqa.selenium.By.id("firstName")).sendKeys(firstName);
    chrome.findElement(org.openqa.selenium.By.id("lastName")).sendKeys(lastName);
    chrome.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
    chrome.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
    chrome.findElement(org.openqa.selenium.By.id("password-confirm")).sendKeys(password);
    chrome
        .findElement(org.openqa.selenium.By.cssSelector("#kc-register-form [type=submit]"))
        .click();
  }

  /** In the console's procedure form: adds a channel and returns its block once rendered. */
  public static org.openqa.selenium.WebElement addChannel(ChromeDriver chrome) {
    org.openqa.selenium.By channels =
        org.openqa.selenium.By.cssSelector("#procedure\\:channels .channel");
    int before = chrome.findElements(channels).size();
    chrome.findElement(org.openqa.selenium.By.id("procedure:addChannel")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(30))
        .until(d -> d.findElements(channels).size() == before + 1);
    java.util.List<org.openqa.selenium.WebElement> all = chrome.findElements(channels);
    return all.get(all.size() - 1);
  }
}
