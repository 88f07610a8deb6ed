package fr.cite.platform.identity.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The account a bearer token authenticated for this request, set by the API's filters. */
@RequestScoped
public class CurrentCaller {

  private String subject;

  public void authenticated(String accountSubject) {
    this.subject = accountSubject;
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public String requireSubject() {
    return subject().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
  }
}
