package fr.cite.platform.identity.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The account that authenticated this request: set by the API's bearer-token filters and by the
 * consoles' access filter.
 */
@RequestScoped
public class CurrentCaller {

  private String subject;
  private String displayName;

  public void authenticated(String accountSubject) {
    authenticated(accountSubject, accountSubject);
  }

  /** The account and how the audit log names it (its username or e-mail). */
  public void authenticated(String accountSubject, String name) {
    this.subject = accountSubject;
    this.displayName = name == null || name.isBlank() ? accountSubject : name;
  }

  /** How the caller is named in the audit log. */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public String requireSubject() {
    return subject().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
  }
}
