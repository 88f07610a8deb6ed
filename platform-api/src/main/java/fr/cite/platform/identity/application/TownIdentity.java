package fr.cite.platform.identity.application;

import java.util.List;
import java.util.Map;

/**
 * What the platform asks of the identity provider for each town: an organization (so that the login
 * page carries the town's name and colours), disabled while the town is suspended. Every call is
 * idempotent.
 */
public interface TownIdentity {

  /** The town as the identity provider should know it. */
  record TownDescription(
      String alias,
      String name,
      boolean enabled,
      Map<String, List<String>> attributes,
      String knownOrganizationId) {}

  /**
   * Creates or updates the town's organization. Nothing else per town: sign-in comes back through
   * the platform's one callback whatever the town (see {@code SignInFlow}).
   *
   * @return the organization's id
   * @throws IdentityUnavailableException when the provider cannot be reached or refuses
   */
  String synchronise(TownDescription town);

  /**
   * Accepts these URIs (the platform host's sign-in callback, the same for every town) as redirect
   * URIs of the portal client.
   *
   * @throws IdentityUnavailableException when the provider cannot be reached or refuses
   */
  void acceptRedirectUris(List<String> uris);

  /**
   * Deletes a citizen's account (its sign-in, everywhere). Idempotent: an account already gone is
   * not an error.
   *
   * @throws IdentityUnavailableException when the provider cannot be reached or refuses
   */
  void deleteAccount(String subject);

  /** False when no identity provider is configured: towns stay "identity pending". */
  boolean isConfigured();
}
