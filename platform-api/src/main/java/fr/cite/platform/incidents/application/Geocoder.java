package fr.cite.platform.incidents.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.config.HttpClients;
import fr.cite.platform.incidents.domain.GeoPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A geocoding service the deployment reaches ({@code CITE_GEOCODER_URL}), speaking the API of the
 * Base Adresse Nationale ({@code /search/?q=&citycode=} and {@code /reverse/?lat=&lon=}, answers as
 * GeoJSON features with a {@code label}); addok and Photon-compatible servers answer the same. None
 * by default: no request leaves the platform. A slow or failing geocoder gives no address, never an
 * error: the citizen's typed address and the point are enough.
 */
@ApplicationScoped
public class Geocoder {

  private static final Logger LOG = Logger.getLogger(Geocoder.class.getName());

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final String base;

  private final HttpClient http;

  public Geocoder() {
    this(CiteConfig.lookup("cite.geocoder-url").orElse(""));
  }

  Geocoder(String base) {
    String b = base == null ? "" : base.strip();
    this.base =
        b.startsWith("https://") || b.startsWith("http://")
            ? (b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
            : "";
    this.http = this.base.isEmpty() ? null : HttpClients.create(TIMEOUT);
  }

  public boolean configured() {
    return !base.isEmpty();
  }

  /** Addresses of the commune {@code insee} matching what was typed. */
  public List<IncidentAddresses.Found> search(String typed, String insee, int limit) {
    return call("/search/?q="
            + URLEncoder.encode(typed, StandardCharsets.UTF_8)
            + "&citycode="
            + insee
            + "&limit="
            + limit)
        .map(features -> found(features, insee, limit))
        .orElse(List.of());
  }

  /** The address of a point, when the geocoder has one in the commune {@code insee}. */
  public Optional<IncidentAddresses.Found> reverse(GeoPoint p, String insee) {
    return call(String.format(
            Locale.ROOT, "/reverse/?lat=%.6f&lon=%.6f&type=housenumber", p.lat(), p.lon()))
        .flatMap(features -> found(features, insee, 1).stream().findFirst());
  }

  private Optional<JsonArray> call(String pathAndQuery) {
    if (!configured()) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                  .timeout(TIMEOUT)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        LOG.log(Level.WARNING, "Geocoder answered {0} to {1}", new Object[] {r.statusCode(), base});
        return Optional.empty();
      }
      try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
        JsonObject body = reader.readObject();
        return Optional.of(body.getJsonArray("features"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Geocoder {0} unusable: {1}", new Object[] {base, e.toString()});
      return Optional.empty();
    }
  }

  /** Features of the commune only (a geocoder may answer with a neighbour's street). */
  static List<IncidentAddresses.Found> found(JsonArray features, String insee, int limit) {
    List<IncidentAddresses.Found> out = new ArrayList<>();
    if (features == null) {
      return out;
    }
    for (var v : features) {
      if (out.size() >= limit) {
        break;
      }
      try {
        JsonObject f = v.asJsonObject();
        JsonObject props = f.getJsonObject("properties");
        String citycode = props.getString("citycode", insee);
        if (!insee.equals(citycode)) {
          continue;
        }
        JsonArray c = f.getJsonObject("geometry").getJsonArray("coordinates");
        double lon = c.getJsonNumber(0).doubleValue();
        double lat = c.getJsonNumber(1).doubleValue();
        String label = props.getString("name", props.getString("label", ""));
        if (!label.isBlank() && GeoPoint.valid(lat, lon)) {
          out.add(
              new IncidentAddresses.Found(
                  label.length() > 300 ? label.substring(0, 300) : label, lat, lon, "geocoder"));
        }
      } catch (RuntimeException e) {
        // a feature without the expected fields is skipped, the others kept
      }
    }
    return out;
  }
}
