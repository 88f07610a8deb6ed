package fr.cite.platform.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;

/** What the sign-in ({@link SignInFlow}) tells about the account of a request. */
public final class SignedIn {

  /** Session attribute holding the {@link SignInSession}. */
  public static final String ATTRIBUTE = SignedIn.class.getName();

  private SignedIn() {}

  public static Optional<SignInSession> session(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((SignInSession) session.getAttribute(ATTRIBUTE));
  }

  /** The account's stable id (Keycloak's {@code sub}). */
  public static Optional<String> subject(HttpServletRequest request) {
    return session(request).map(SignInSession::subject);
  }

  public static Optional<String> claim(HttpServletRequest request, String name) {
    return session(request).map(s -> s.claims().get(name));
  }

  /** Realm roles of the account (e.g. {@code platform-operator}). */
  public static List<String> realmRoles(HttpServletRequest request) {
    return session(request).map(SignInSession::realmRoles).orElse(List.of());
  }

  /** The ID token of the sign-in, for ending the Keycloak session with it. */
  public static Optional<String> idToken(HttpServletRequest request) {
    return session(request).map(SignInSession::idToken);
  }
}
