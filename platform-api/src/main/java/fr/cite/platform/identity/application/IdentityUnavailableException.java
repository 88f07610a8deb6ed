package fr.cite.platform.identity.application;

/** The identity provider could not be reached or refused a call; the work can be retried. */
public class IdentityUnavailableException extends RuntimeException {

  public IdentityUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
