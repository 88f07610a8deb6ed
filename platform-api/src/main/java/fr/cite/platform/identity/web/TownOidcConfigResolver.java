package fr.cite.platform.identity.web;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.tenancy.application.HostResolution;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcClientConfigurationBuilder;
import org.wildfly.security.http.oidc.OidcClientConfigurationResolver;
import org.wildfly.security.http.oidc.OidcHttpFacade;

/**
 * OpenID Connect configuration per town, chosen from the request's host: the one realm and portal
 * client, plus the scope {@code organization:<town>} so that Keycloak's login page shows the town
 * (its organization's name and colours). Declared as {@code oidc.config.resolver} in web.xml; the
 * configurations are cached per host, within a bound.
 */
public class TownOidcConfigResolver implements OidcClientConfigurationResolver {

  private static final int MAX_HOSTS = 50_000;

  private final ConcurrentHashMap<String, OidcClientConfiguration> byHost =
      new ConcurrentHashMap<>();

  @Override
  public OidcClientConfiguration resolve(OidcHttpFacade.Request request) {
    String host = URI.create(request.getURI()).getHost();
    String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
    OidcClientConfiguration found = byHost.get(key);
    if (found == null) {
      if (byHost.size() >= MAX_HOSTS) {
        byHost.clear();
      }
      found = byHost.computeIfAbsent(key, this::build);
    }
    return found;
  }

  private OidcClientConfiguration build(String host) {
    CiteConfig config = CDI.current().select(CiteConfig.class).get();
    TenantDirectory directory = CDI.current().select(TenantDirectory.class).get();
    HostResolution resolution = directory.resolve(host);
    String keycloak = config.keycloakUrl().orElse("http://keycloak.invalid");
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("provider-url", keycloak + "/realms/" + config.keycloakRealm())
            .add("client-id", config.keycloakPortalClient())
            .add(
                "credentials",
                Json.createObjectBuilder().add("secret", config.keycloakPortalSecret()))
            .add("ssl-required", "external")
            .add("principal-attribute", "sub")
            .add("enable-pkce", true)
            .add("connection-timeout-millis", 3000)
            .add("socket-timeout-millis", 10000);
    if (resolution instanceof HostResolution.Town town) {
      json.add("scope", "organization:" + town.tenant().slug());
    }
    return OidcClientConfigurationBuilder.build(
        new ByteArrayInputStream(json.build().toString().getBytes(StandardCharsets.UTF_8)));
  }
}
