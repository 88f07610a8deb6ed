package fr.cite.it.support;

/** What a person does on Keycloak's own pages: register, sign in with the identity-first form. */
public final class KeycloakPages {

  private KeycloakPages() {}

  /** From a Keycloak login page, registers a new account; returns where the browser lands. */
  public static Browser.Page register(
      Browser browser,
      Browser.Page login,
      String firstName,
      String lastName,
      String email,
      String password) {
    Browser.Page form = browser.get(login.link("/login-actions/registration"));
    return browser.post(
        form.formAction("kc-register-form"),
        Browser.fields(
            "firstName", firstName,
            "lastName", lastName,
            "email", email,
            "password", password,
            "password-confirm", password));
  }

  /** From a Keycloak login page, signs in (e-mail first, then password). */
  public static Browser.Page signIn(
      Browser browser, Browser.Page login, String email, String password) {
    Browser.Page askPassword =
        browser.post(login.formAction("kc-form-login"), Browser.fields("username", email));
    return browser.post(
        askPassword.formAction("kc-form-login"), Browser.fields("password", password));
  }
}
