package fr.cite.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Staff members of test towns, invited through the provider API and signed up in Keycloak. */
public final class TownStaff {

  private TownStaff() {}

  /** A staff member of a town who joined through an invitation, with an access token. */
  public record Member(String email, Browser browser, String token) {

    /** The member's bearer header, followed by more headers. */
    public String[] bearer(String... more) {
      String[] own = TownStaff.bearer(token);
      String[] all = java.util.Arrays.copyOf(own, own.length + more.length);
      System.arraycopy(more, 0, all, own.length, more.length);
      return all;
    }
  }

  /** Invites through the provider API and accepts in a new browser; returns that browser. */
  public static Browser joined(TestTowns.Town town, String email, String password, String role) {
    Http.Response invited =
        Http.postJson(
            Http.PLATFORM,
            "/api/v1/platform/towns/" + town.slug() + "/staff",
            "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
            Http.operator());
    Browser browser = new Browser();
    Browser.Page accepted =
        KeycloakPages.register(
            browser,
            browser.get(invited.json().getString("invitationUrl")),
            "Équipe",
            "Mairie",
            email,
            password);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    return browser;
  }

  public static Member member(TestTowns.Town town, String prefix, String role) throws Exception {
    String email = prefix + "-" + UUID.randomUUID() + "@example.fr";
    String password = prefix + "-" + UUID.randomUUID();
    Browser browser = joined(town, email, password, role);
    return new Member(
        email, browser, KeycloakPages.accessToken(browser, town.host(), email, password));
  }

  public static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }
}
