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
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return chrome;
  }
}
