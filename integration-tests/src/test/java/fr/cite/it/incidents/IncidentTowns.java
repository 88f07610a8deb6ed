package fr.cite.it.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Http;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A town set up for incident reports through the API, as its administrator would: its outline (a 4
 * km square around {@code (lat, lon)}), a roads and a cleanliness service, a two-level tree (Voirie
 * › Nid-de-poule; Tag, photo required; Lampadaire éteint, no service), the north half as the roads
 * sector with its rule, and the public message of a resolved pothole.
 */
final class IncidentTowns {

  private IncidentTowns() {}

  /** The town set up: its administrator, and the north sector's id. */
  record SetUp(TestTowns.Town town, TownStaff.Member admin, long northSector) {

    Http.Response admin(String method, String path, String json, int expected) {
      return IncidentTowns.admin(town, admin, method, path, json, expected);
    }
  }

  static SetUp setUp(TestTowns.Town town, double lat, double lon, String roadsAgentEmail)
      throws Exception {
    outline(town.commune().inseeCode(), lat, lon);
    TownStaff.Member admin = TownStaff.member(town, "incidents-admin", "TOWN_ADMIN");
    admin(
        town,
        admin,
        "PUT",
        "services/voirie",
        "{\"nameFr\":\"Voirie\",\"nameEn\":\"Roads\",\"agents\":[\"" + roadsAgentEmail + "\"]}",
        201);
    admin(town, admin, "PUT", "services/proprete", "{\"nameFr\":\"Propreté\"}", 201);
    admin(town, admin, "PUT", "categories/voirie", "{\"nameFr\":\"Voirie\",\"position\":1}", 201);
    admin(
        town,
        admin,
        "PUT",
        "categories/nid-de-poule",
        "{\"parent\":\"voirie\",\"nameFr\":\"Nid-de-poule\",\"nameEn\":\"Pothole\","
            + "\"duplicateRadius\":60,\"messageFr\":\"Merci, la voirie est prévenue.\"}",
        201);
    admin(
        town,
        admin,
        "PUT",
        "categories/tag",
        "{\"nameFr\":\"Tag\",\"service\":\"proprete\",\"photoRequired\":true}",
        201);
    admin(town, admin, "PUT", "categories/lampadaire", "{\"nameFr\":\"Lampadaire éteint\"}", 201);
    Http.Response sectors =
        admin(
            town,
            admin,
            "POST",
            "sectors",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"name\":\"Nord\"},\"geometry\":"
                + square(lat + 0.01, lon, 0.01)
                + "}]}",
            201);
    long north = sectors.json().getJsonArray("ids").getJsonNumber(0).longValue();
    admin(
        town,
        admin,
        "POST",
        "rules",
        "{\"priority\":10,\"category\":\"nid-de-poule\",\"sector\":"
            + north
            + ",\"service\":\"voirie\"}",
        201);
    admin(
        town,
        admin,
        "PUT",
        "categories/nid-de-poule/templates/RESOLVED",
        "{\"textFr\":\"Le nid-de-poule a été rebouché.\"}",
        204);
    return new SetUp(town, admin, north);
  }

  /** A square of half-side {@code half} degrees as a GeoJSON polygon. */
  static String square(double lat, double lon, double half) {
    return String.format(
        Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
        lon - half,
        lat - half,
        lon + half,
        lat - half,
        lon + half,
        lat + half,
        lon - half,
        lat + half,
        lon - half,
        lat - half);
  }

  /** The provider loads a commune's outline: a 4 km square. */
  static void outline(String insee, double lat, double lon) {
    Http.Response r =
        Http.putJson(
            Http.PLATFORM,
            "/api/v1/platform/communes/" + insee + "/outline",
            square(lat, lon, 0.02),
            Http.operator());
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  static Http.Response admin(
      TestTowns.Town town,
      TownStaff.Member admin,
      String method,
      String path,
      String json,
      int expected) {
    Http.Response r =
        Http.send(
            town.host(),
            "/api/v1/admin/incidents/" + path,
            "application/json",
            json.getBytes(StandardCharsets.UTF_8),
            method,
            admin.bearer());
    assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
    return r;
  }

  /** A report's JSON body. */
  static String report(String category, double lat, double lon, String extra) {
    return String.format(
        Locale.ROOT,
        "{\"category\":\"%s\",\"lat\":%f,\"lon\":%f,\"source\":\"GPS\",\"accuracy\":12%s}",
        category,
        lat,
        lon,
        extra);
  }
}
