package fr.cite.platform.identity.application;

import fr.cite.platform.config.CiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link TownIdentity} on Keycloak's Admin REST API, with the platform's service account ({@code
 * cite-platform}, client credentials). Updates of the portal client's redirect URIs are serialised
 * on this node, since Keycloak replaces the whole list at each update.
 */
@ApplicationScoped
public class KeycloakTownIdentity implements TownIdentity {

  @Inject CiteConfig config;

  private volatile KeycloakAdmin admin;

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
      String organizationId = ensureOrganization(town);
      registerRedirectUris(town.redirectUris());
      return organizationId;
    } catch (IOException | KeycloakAdmin.Refused e) {
      throw new IdentityUnavailableException(describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityUnavailableException("Interrupted", e);
    }
  }

  private String ensureOrganization(TownDescription town) throws IOException, InterruptedException {
    String id = town.knownOrganizationId();
    if (id == null) {
      id = findByAlias(town);
    }
    if (id == null) {
      try {
        String location =
            admin().post("/organizations", describe(Json.createObjectBuilder(), town));
        if (location != null) {
          return location.substring(location.lastIndexOf('/') + 1);
        }
      } catch (KeycloakAdmin.Refused e) {
        if (e.status != 409) {
          throw e;
        }
      }
      id = findByAlias(town);
      if (id == null) {
        throw new IdentityUnavailableException(
            "Organization " + town.alias() + " conflicts but cannot be found", null);
      }
    }
    JsonObject current = (JsonObject) admin().get("/organizations/" + id);
    admin().put("/organizations/" + id, describe(Json.createObjectBuilder(current), town));
    return id;
  }

  private String findByAlias(TownDescription town) throws IOException, InterruptedException {
    JsonArray found =
        KeycloakAdmin.array(
            admin()
                .get(
                    "/organizations?briefRepresentation=true&max=100&search="
                        + KeycloakAdmin.encode(town.name())));
    return found.getValuesAs(JsonObject.class).stream()
        .filter(o -> town.alias().equals(o.getString("alias", null)))
        .map(o -> o.getString("id"))
        .findFirst()
        .orElse(null);
  }

  private static JsonObject describe(JsonObjectBuilder o, TownDescription town) {
    JsonObjectBuilder attributes = Json.createObjectBuilder();
    for (Map.Entry<String, List<String>> a : town.attributes().entrySet()) {
      attributes.add(a.getKey(), Json.createArrayBuilder(a.getValue()));
    }
    return o.add("name", town.name())
        .add("alias", town.alias())
        .add("enabled", town.enabled())
        .add("attributes", attributes)
        .build();
  }

  private synchronized void registerRedirectUris(List<String> uris)
      throws IOException, InterruptedException {
    JsonArray clients =
        KeycloakAdmin.array(
            admin()
                .get("/clients?clientId=" + KeycloakAdmin.encode(config.keycloakPortalClient())));
    if (clients.isEmpty()) {
      throw new IdentityUnavailableException(
          "Client " + config.keycloakPortalClient() + " missing in realm " + config.keycloakRealm(),
          null);
    }
    String id = clients.getJsonObject(0).getString("id");
    JsonObject client = (JsonObject) admin().get("/clients/" + id);
    Set<String> redirects = new LinkedHashSet<>();
    for (JsonValue v :
        client.getOrDefault("redirectUris", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
      redirects.add(((JsonString) v).getString());
    }
    if (redirects.containsAll(uris)) {
      return;
    }
    redirects.addAll(uris);
    JsonArrayBuilder all = Json.createArrayBuilder();
    redirects.forEach(all::add);
    admin()
        .put("/clients/" + id, Json.createObjectBuilder(client).add("redirectUris", all).build());
  }

  private KeycloakAdmin admin() {
    KeycloakAdmin a = admin;
    if (a == null) {
      synchronized (this) {
        if (admin == null) {
          admin =
              new KeycloakAdmin(
                  config.keycloakUrl().orElseThrow(),
                  config.keycloakRealm(),
                  config.keycloakPlatformClient(),
                  config.keycloakPlatformSecret());
        }
        a = admin;
      }
    }
    return a;
  }

  private static String describe(Exception e) {
    if (e instanceof KeycloakAdmin.Refused) {
      return "Keycloak refused: " + e.getMessage();
    }
    return "Keycloak unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage();
  }
}
