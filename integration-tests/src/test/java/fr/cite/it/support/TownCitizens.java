package fr.cite.it.support;

import java.util.UUID;

/** Citizens of the tests: an account created on a town's portal, with an access token there. */
public final class TownCitizens {

  private TownCitizens() {}

  /** A citizen who signed up on a town's portal. */
  public record Citizen(String email, String password, Browser browser, String token) {

    public String[] bearer(String... more) {
      String[] own = TownStaff.bearer(token);
      String[] all = java.util.Arrays.copyOf(own, own.length + more.length);
      System.arraycopy(more, 0, all, own.length, more.length);
      return all;
    }

    /** The same account's token on another town. */
    public String tokenOn(TestTowns.Town town) throws Exception {
      return KeycloakPages.accessToken(browser, town.host(), email, password);
    }
  }

  /** Signs up on the town's "Mon compte" and gets a token. */
  public static Citizen signUp(TestTowns.Town town, String prefix, String first, String last)
      throws Exception {
    String email = prefix + "-" + UUID.randomUUID() + "@example.fr";
    String password = prefix + "-" + UUID.randomUUID();
    Browser browser = new Browser();
    KeycloakPages.register(
        browser,
        browser.get("http://" + town.host() + ":" + Http.port() + "/compte/"),
        first,
        last,
        email,
        password);
    return new Citizen(
        email, password, browser, KeycloakPages.accessToken(browser, town.host(), email, password));
  }
}
