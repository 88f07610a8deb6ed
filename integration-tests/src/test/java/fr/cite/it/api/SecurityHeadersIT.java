package fr.cite.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestTowns;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Strict browser security headers on citizen pages, consoles and the API; HSTS over HTTPS. */
class SecurityHeadersIT extends CiteIntegrationTest {

  static TestTowns.Town town;

  @BeforeAll
  static void town() {
    town = TestTowns.onboard();
  }

  @Test
  void citizenPagesAllowNoInlineScriptOrStyleAndAreNeverFramed() {
    for (String path : new String[] {"/", "/demarches", "/demarches/carte-identite", "/suivi"}) {
      Http.Response page = Http.get(town.host(), path);
      assertThat(page.status()).as(path).isEqualTo(200);
      String csp = page.header("Content-Security-Policy");
      assertThat(csp)
          .as(path)
          .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
          .contains("base-uri 'none'", "object-src 'none'")
          .contains(
              "form-action 'self' http://localhost:"
                  + Http.port()
                  + " "
                  + origin(TestKeycloak.awaitReady()))
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.header("Permissions-Policy")).contains("geolocation=()", "camera=()");
      assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(page.header("Strict-Transport-Security")).as("plain HTTP").isNull();
      assertThat(page.body()).as(path).doesNotContain("<style", " style=\"", " onclick=");
    }
    // The reporting pages alone may ask for the phone's position.
    Http.Response reporting = Http.get(town.host(), "/signalements/");
    assertThat(reporting.status()).isEqualTo(200);
    assertThat(reporting.header("Permissions-Policy")).contains("geolocation=(self)", "camera=()");
    assertThat(reporting.body()).doesNotContain("<style", " style=\"", " onclick=");
    String home = Http.get(town.host(), "/").body();
    java.util.regex.Matcher theme =
        java.util.regex.Pattern.compile("href=\"(/theme\\.css\\?v=[0-9a-f]+)\"").matcher(home);
    assertThat(theme.find()).isTrue();
    Http.Response css = Http.get(town.host(), theme.group(1));
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.header("Content-Type")).startsWith("text/css");
    assertThat(css.body()).contains("--town-primary:#");
  }

  @Test
  void consolesMayOnlyBeFramedByThemselvesAndTheApiIsNoPage() {
    Http.Response console = Http.get(town.host(), "/admin/");
    assertThat(console.header("Content-Security-Policy"))
        .contains("frame-ancestors 'self'", "base-uri 'none'");
    assertThat(console.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    Http.Response api = Http.get(town.host(), "/api/v1/town");
    assertThat(api.header("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(api.header("Permissions-Policy")).contains("geolocation=()");
  }

  @Test
  void overHttpsBrowsersAreToldToStayOnHttps() throws Exception {
    int https = 8443 + Integer.parseInt(System.getProperty("cite.test.port.offset", "1000"));
    HttpResponse<String> r =
        Http.httpsTrustingAnyCertificate()
            .send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https + "/"))
                    .header("Host", town.host() + ":" + https)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
  }

  private static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getRawAuthority();
  }
}
