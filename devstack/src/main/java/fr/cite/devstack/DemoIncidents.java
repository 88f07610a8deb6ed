package fr.cite.devstack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Incident reports of the demo town (Le Havre), through the platform's own API: the provider loads
 * the outlines of Le Havre and its neighbours (hand-drawn approximations for the demo, not the
 * official boundaries, which a deployment loads from IGN's Admin Express); the town's administrator
 * (voirie@cite.localhost, also the roads service's agent) sets up services, a two-level category
 * tree, three sectors and their rules, a demo Base Adresse Locale; a few residents report potholes,
 * graffiti and a street light. Runs once: when the town has no category yet.
 */
final class DemoIncidents {

  static final String EMAIL = "voirie@cite.localhost";

  private DemoIncidents() {}

  /** The staff row of the demo administrator; false when the town already has its set-up. */
  static boolean prepare(
      String jdbcUrl, String user, String password, String townSlug, String subject)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      Long tenant = DemoBilling.tenantOf(c, townSlug);
      if (tenant == null) {
        return false;
      }
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        s.setString(1, String.valueOf(tenant));
        s.execute();
      }
      try (PreparedStatement s = c.prepareStatement("select count(*) from incident_category");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          c.rollback();
          return false;
        }
      }
      DemoFamily.staff(c, subject, EMAIL, "TOWN_ADMIN");
      c.commit();
      return true;
    }
  }

  /** Outlines (the provider's), the set-up and a few reports (the town's); what was done. */
  static String seed(
      String platform, String platformHost, String townHost, String operator, String admin)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String[][] communes = {
      // Le Havre: from the beach at Sainte-Adresse along the estuary and the port, up to Rouelles.
      {
        "76351",
        "[0.090,49.485],[0.105,49.470],[0.150,49.455],[0.215,49.460],[0.215,49.485],"
            + "[0.195,49.500],[0.205,49.525],[0.180,49.545],[0.140,49.540],[0.115,49.525],"
            + "[0.100,49.515],[0.095,49.500],[0.090,49.485]"
      },
      {
        "76552",
        "[0.068,49.500],[0.095,49.500],[0.100,49.515],[0.085,49.525],[0.065,49.515],"
            + "[0.068,49.500]"
      },
      {
        "76447",
        "[0.180,49.545],[0.205,49.525],[0.260,49.530],[0.250,49.570],[0.190,49.570],"
            + "[0.180,49.545]"
      },
      {
        "76341",
        "[0.215,49.485],[0.250,49.490],[0.250,49.520],[0.205,49.525],[0.195,49.500],"
            + "[0.215,49.485]"
      }
    };
    for (String[] c : communes) {
      HttpResponse<String> r =
          DemoBilling.call(
              http,
              platformHost,
              operator,
              "PUT",
              platform + "/api/v1/platform/communes/" + c[0] + "/outline",
              "{\"type\":\"Polygon\",\"coordinates\":[[" + c[1] + "]]}");
      if (r.statusCode() != 204) {
        return "outline of " + c[0] + " not loaded: " + r.statusCode() + " " + r.body();
      }
    }
    String api = platform + "/api/v1/admin/incidents/";
    String[][] setUp = {
      {
        "PUT",
        "services/voirie",
        "{\"nameFr\":\"Voirie\",\"nameEn\":\"Roads\",\"agents\":[\"" + EMAIL + "\"]}"
      },
      {
        "PUT",
        "services/proprete",
        "{\"nameFr\":\"Propreté urbaine\",\"nameEn\":\"Street cleaning\"}"
      },
      {
        "PUT",
        "services/eclairage",
        "{\"nameFr\":\"Éclairage public\",\"nameEn\":\"Street lighting\"}"
      },
      {
        "PUT",
        "services/espaces-verts",
        "{\"nameFr\":\"Parcs et espaces verts\",\"nameEn\":\"Parks\"}"
      },
      {
        "PUT",
        "categories/voirie",
        "{\"nameFr\":\"Voirie\",\"nameEn\":\"Roads\",\"position\":1,\"service\":\"voirie\"}"
      },
      {
        "PUT",
        "categories/nid-de-poule",
        "{\"parent\":\"voirie\",\"nameFr\":\"Nid-de-poule\",\"nameEn\":\"Pothole\",\"duplicateRadius\":40,\"expectedDays\":15,\"messageFr\":\"Merci : le service de la voirie est prévenu et passe sous 15 jours.\",\"messageEn\":\"Thank you: the roads service is told and comes within 15 days.\"}"
      },
      {
        "PUT",
        "categories/trottoir",
        "{\"parent\":\"voirie\",\"nameFr\":\"Trottoir abîmé\",\"nameEn\":\"Damaged pavement\"}"
      },
      {
        "PUT",
        "categories/signalisation",
        "{\"parent\":\"voirie\",\"nameFr\":\"Panneau ou feu endommagé\",\"nameEn\":\"Damaged sign or light\"}"
      },
      {
        "PUT",
        "categories/proprete",
        "{\"nameFr\":\"Propreté\",\"nameEn\":\"Cleanliness\",\"position\":2,\"service\":\"proprete\"}"
      },
      {
        "PUT",
        "categories/depot-sauvage",
        "{\"parent\":\"proprete\",\"nameFr\":\"Dépôt sauvage\",\"nameEn\":\"Fly-tipping\",\"duplicateRadius\":80,"
            + "\"form\":{\"fields\":[{\"name\":\"volume\",\"type\":\"CHOICE\",\"required\":true,"
            + "\"label\":{\"fr\":\"Volume\",\"en\":\"Size\"},\"options\":["
            + "{\"value\":\"sacs\",\"label\":{\"fr\":\"Quelques sacs\",\"en\":\"A few bags\"}},"
            + "{\"value\":\"meubles\",\"label\":{\"fr\":\"Meubles, électroménager\",\"en\":\"Furniture, appliances\"}},"
            + "{\"value\":\"gravats\",\"label\":{\"fr\":\"Gravats, déchets de chantier\",\"en\":\"Rubble\"}}]},"
            + "{\"name\":\"dangereux\",\"type\":\"CHECKBOX\",\"label\":{\"fr\":\"Produits dangereux"
            + " (bidons, amiante…)\",\"en\":\"Hazardous waste\"}}]}}"
      },
      {
        "PUT",
        "categories/tag",
        "{\"parent\":\"proprete\",\"nameFr\":\"Tag ou graffiti\",\"nameEn\":\"Graffiti\",\"photoRequired\":true}"
      },
      {
        "PUT",
        "categories/eclairage",
        "{\"nameFr\":\"Lampadaire éteint\",\"nameEn\":\"Street light out\",\"position\":3,\"service\":\"eclairage\"}"
      },
      {
        "PUT",
        "categories/arbre",
        "{\"nameFr\":\"Arbre ou espace vert\",\"nameEn\":\"Tree or green space\",\"position\":4,\"service\":\"espaces-verts\"}"
      },
      {
        "PUT",
        "categories/nid-de-poule/templates/RESOLVED",
        "{\"textFr\":\"Le nid-de-poule a été rebouché. Merci de votre signalement.\",\"textEn\":\"The pothole was filled. Thank you for reporting it.\"}"
      },
      {
        "POST",
        "sectors",
        "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Centre-ville\",\"kind\":\"DISTRICT\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0.095,49.485],[0.150,49.480],[0.150,49.500],[0.100,49.505],[0.095,49.485]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Quartiers nord\",\"kind\":\"DISTRICT\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0.100,49.505],[0.150,49.500],[0.200,49.505],[0.205,49.525],[0.180,49.545],[0.140,49.540],[0.115,49.525],[0.100,49.505]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Port et quartiers sud\",\"kind\":\"DISTRICT\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0.105,49.470],[0.150,49.455],[0.215,49.460],[0.215,49.485],[0.195,49.500],[0.150,49.500],[0.150,49.480],[0.095,49.485],[0.105,49.470]]]}}]}"
      },
    };
    String sectors = null;
    for (String[] step : setUp) {
      HttpResponse<String> r =
          DemoBilling.call(http, townHost, admin, step[0], api + step[1], step[2]);
      if (r.statusCode() >= 300) {
        return step[1] + ": " + r.statusCode() + " " + r.body();
      }
      if (step[1].equals("sectors")) {
        sectors = r.body();
      }
    }
    // Traffic signs of the port area are the street-lighting service's (its contractor's).
    String port =
        DemoBilling.json(sectors).asJsonObject().getJsonArray("ids").getJsonNumber(2).toString();
    HttpResponse<String> rule =
        DemoBilling.call(
            http,
            townHost,
            admin,
            "POST",
            api + "rules",
            "{\"priority\":10,\"category\":\"signalisation\",\"sector\":"
                + port
                + ",\"service\":\"eclairage\"}");
    if (rule.statusCode() != 201) {
      return "rule: " + rule.statusCode() + " " + rule.body();
    }
    // The demo's addresses: a hand-made Base Adresse Locale of eight streets (numbers laid along
    // drawn lines, not the town's published BAL).
    String bal;
    try (var in = DemoIncidents.class.getResourceAsStream("incidents/le-havre-bal-demo.csv")) {
      bal = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    HttpResponse<String> imported =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api + "addresses?name=le-havre-bal-demo.csv"))
                .timeout(java.time.Duration.ofSeconds(60))
                .header("Host", townHost)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "text/csv")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(bal))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (imported.statusCode() != 200) {
      return "addresses: " + imported.statusCode() + " " + imported.body();
    }
    String[][] reports = {
      {
        "nid-de-poule",
        "49.4952",
        "0.1093",
        "Rue de Paris, devant le n° 80",
        "Trou d'une vingtaine de centimètres sur la voie de bus."
      },
      {"nid-de-poule", "49.5102", "0.1461", "Rue Félix-Faure", "Plusieurs trous après les pluies."},
      {"tag", "49.4901", "0.1189", "Quai de Southampton", null},
      {
        "eclairage",
        "49.5205",
        "0.1650",
        "Rue du Docteur-Vigné",
        "Trois lampadaires éteints depuis une semaine."
      },
      {
        "depot-sauvage",
        "49.4780",
        "0.1705",
        "Boulevard de Graville",
        "Matelas et cartons sur le trottoir."
      }
    };
    int filed = 0;
    for (String[] r : reports) {
      if (r[0].equals("tag")) {
        continue; // a photo is required: left to the demo's visitors
      }
      String body =
          String.format(
              Locale.ROOT,
              "{\"category\":\"%s\",\"lat\":%s,\"lon\":%s,\"source\":\"MAP\",\"address\":\"%s\"%s,"
                  + "\"email\":\"habitant%d@cite.localhost\"%s}",
              r[0],
              r[1],
              r[2],
              r[3],
              r[4] == null ? "" : ",\"description\":\"" + r[4] + "\"",
              filed,
              // The fly-tipping category asks its own question.
              r[0].equals("depot-sauvage") ? ",\"answers\":{\"volume\":[\"meubles\"]}" : "");
      HttpResponse<String> sent =
          DemoBilling.call(http, townHost, null, "POST", platform + "/api/v1/incidents", body);
      if (sent.statusCode() == 201) {
        filed++;
      }
    }
    return filed
        + " reports filed, 4 services, 10 categories, 3 sectors, "
        + DemoBilling.json(imported.body()).asJsonObject().getInt("addresses")
        + " addresses";
  }
}
