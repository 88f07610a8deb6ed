package fr.cite.platform.identity.application;

import fr.cite.platform.config.CiteConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.internal.LocalResteasyProviderFactory;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.jboss.resteasy.core.providerfactory.ResteasyProviderFactoryImpl;
import org.jboss.resteasy.plugins.providers.DefaultTextPlain;
import org.jboss.resteasy.plugins.providers.FormUrlEncodedProvider;
import org.jboss.resteasy.plugins.providers.InputStreamProvider;
import org.jboss.resteasy.plugins.providers.StringTextStar;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * {@link TownIdentity} on Keycloak through {@code keycloak-admin-client}, with the platform's
 * service account ({@code cite-platform}, client credentials). Updates of the portal client's
 * redirect URIs are serialised on this node, since Keycloak replaces the whole list at each update.
 *
 * <p>The admin client gets a RESTEasy client of its own whose only providers are Keycloak's {@code
 * JacksonProvider} and the form and text providers: with the deployment's providers, WildFly's
 * JSON-B would read Keycloak's Jackson-annotated representations and leave every
 * {@code @JsonProperty} field (the access token first) empty, and a plain Jackson mapper would send
 * null fields a newer Keycloak rejects.
 */
@ApplicationScoped
public class KeycloakTownIdentity implements TownIdentity {

  @Inject CiteConfig config;

  @Inject IdentityAvailability availability;

  private volatile Keycloak keycloak;

  @Override
  public boolean isConfigured() {
    return config.keycloakUrl().isPresent();
  }

  @Override
  public String synchronise(TownDescription town) {
    if (!isConfigured()) {
      throw new IdentityUnavailableException(
          "No identity provider configured (CITE_KEYCLOAK_URL)", null);
    }
    try {
      RealmResource realm = keycloak().realm(config.keycloakRealm());
      return ensureOrganization(realm, town);
    } catch (ProcessingException | WebApplicationException e) {
      if (e instanceof ProcessingException) {
        availability.failed();
      }
      throw new IdentityUnavailableException(describe(e), e);
    }
  }

  @Override
  public void deleteAccount(String subject) {
    if (!isConfigured()) {
      throw new IdentityUnavailableException(
          "No identity provider configured (CITE_KEYCLOAK_URL)", null);
    }
    try (jakarta.ws.rs.core.Response r =
        keycloak().realm(config.keycloakRealm()).users().delete(subject)) {
      if (r.getStatus() != 204 && r.getStatus() != 404) {
        throw new IdentityUnavailableException("Keycloak answered " + r.getStatus(), null);
      }
    } catch (ProcessingException | WebApplicationException e) {
      if (e instanceof ProcessingException) {
        availability.failed();
      }
      throw new IdentityUnavailableException(describe(e), e);
    }
  }

  @Override
  public void acceptRedirectUris(List<String> uris) {
    if (!isConfigured()) {
      throw new IdentityUnavailableException(
          "No identity provider configured (CITE_KEYCLOAK_URL)", null);
    }
    try {
      registerRedirectUris(keycloak().realm(config.keycloakRealm()), uris);
    } catch (ProcessingException | WebApplicationException e) {
      if (e instanceof ProcessingException) {
        availability.failed();
      }
      throw new IdentityUnavailableException(describe(e), e);
    }
  }

  private String ensureOrganization(RealmResource realm, TownDescription town) {
    String id = town.knownOrganizationId();
    if (id == null) {
      id = findByAlias(realm, town);
    }
    if (id == null) {
      try (Response created =
          realm.organizations().create(describe(new OrganizationRepresentation(), town))) {
        if (created.getStatus() == 201) {
          String path = created.getLocation().getPath();
          return path.substring(path.lastIndexOf('/') + 1);
        }
        if (created.getStatus() != 409) {
          throw new WebApplicationException(
              "Organization creation answered "
                  + created.getStatus()
                  + ": "
                  + created.readEntity(String.class),
              created.getStatus());
        }
      }
      id = findByAlias(realm, town);
      if (id == null) {
        throw new IdentityUnavailableException(
            "Organization " + town.alias() + " conflicts but cannot be found", null);
      }
    }
    OrganizationResource organization = realm.organizations().get(id);
    try (Response updated = organization.update(describe(organization.toRepresentation(), town))) {
      if (updated.getStatus() / 100 != 2) {
        throw new WebApplicationException(
            "Organization update answered " + updated.getStatus(), updated.getStatus());
      }
    }
    return id;
  }

  private static String findByAlias(RealmResource realm, TownDescription town) {
    return realm.organizations().search(town.name(), false, 0, 100).stream()
        .filter(o -> town.alias().equals(o.getAlias()))
        .map(OrganizationRepresentation::getId)
        .findFirst()
        .orElse(null);
  }

  private static OrganizationRepresentation describe(
      OrganizationRepresentation o, TownDescription town) {
    o.setName(town.name());
    o.setAlias(town.alias());
    o.setEnabled(town.enabled());
    o.setAttributes(town.attributes());
    return o;
  }

  private synchronized void registerRedirectUris(RealmResource realm, List<String> uris) {
    List<ClientRepresentation> found =
        realm.clients().findByClientId(config.keycloakPortalClient());
    if (found.isEmpty()) {
      throw new IdentityUnavailableException(
          "Client " + config.keycloakPortalClient() + " missing in realm " + config.keycloakRealm(),
          null);
    }
    ClientResource client = realm.clients().get(found.get(0).getId());
    ClientRepresentation representation = client.toRepresentation();
    Set<String> redirects =
        new LinkedHashSet<>(
            representation.getRedirectUris() == null
                ? List.of()
                : representation.getRedirectUris());
    if (redirects.containsAll(uris)) {
      return;
    }
    redirects.addAll(uris);
    representation.setRedirectUris(List.copyOf(redirects));
    client.update(representation);
  }

  private Keycloak keycloak() {
    Keycloak k = keycloak;
    if (k == null) {
      synchronized (this) {
        if (keycloak == null) {
          ResteasyProviderFactoryImpl providers = new ResteasyProviderFactoryImpl();
          providers.setBuiltinsRegistered(true);
          providers.registerProvider(JacksonProvider.class);
          providers.registerProvider(FormUrlEncodedProvider.class);
          providers.registerProvider(StringTextStar.class);
          providers.registerProvider(DefaultTextPlain.class);
          providers.registerProvider(InputStreamProvider.class);
          keycloak =
              KeycloakBuilder.builder()
                  .serverUrl(config.keycloakUrl().orElseThrow())
                  .realm(config.keycloakRealm())
                  .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                  .clientId(config.keycloakPlatformClient())
                  .clientSecret(config.keycloakPlatformSecret())
                  .resteasyClient(
                      new ResteasyClientBuilderImpl()
                          .providerFactory(new LocalResteasyProviderFactory(providers))
                          .connectTimeout(3, TimeUnit.SECONDS)
                          .readTimeout(10, TimeUnit.SECONDS)
                          .build())
                  .build();
        }
        k = keycloak;
      }
    }
    return k;
  }

  private static String describe(RuntimeException e) {
    if (e instanceof WebApplicationException w && w.getResponse() != null) {
      return "Keycloak refused: " + w.getResponse().getStatus() + " " + w.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "Keycloak unreachable: " + root.getClass().getSimpleName() + " " + root.getMessage();
  }

  @PreDestroy
  void close() {
    if (keycloak != null) {
      keycloak.close();
    }
  }
}
