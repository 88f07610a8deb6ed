package fr.cite.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

/**
 * Billing of the demo family (Le Havre): a finance officer, last month lived (Léa at the canteen
 * and the evening after-school club, Hugo on Wednesdays, with an absence and a quotient), and —
 * through the platform's own API as that officer — the régie, its tariffs, and last month's run
 * issued, so that the demo parent has an invoice to pay. Connecting the régie to (the local) Stripe
 * is left to the officer, in the console.
 */
final class DemoBilling {

  static final String EMAIL = "regisseur@cite.localhost";

  private DemoBilling() {}

  /** Writes the officer's staff row and last month's days once; whether it wrote them now. */
  static boolean prepare(
      String jdbcUrl, String user, String password, String townSlug, String financeSubject)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      Long found = tenantOf(c, townSlug);
      if (found == null) {
        return false;
      }
      long tenant = found;
      FamilyMonth f = new FamilyMonth(c, tenant);
      DemoFamily.staff(c, financeSubject, EMAIL, "FINANCE");
      YearMonth last = YearMonth.from(LocalDate.now(ZoneId.of("Europe/Paris"))).minusMonths(1);
      long household;
      long lea;
      long hugo;
      try (PreparedStatement s =
          c.prepareStatement(
              "select h.id, (select id from family_child where household_id = h.id and first_name"
                  + " = 'Léa'), (select id from family_child where household_id = h.id and"
                  + " first_name = 'Hugo') from family_household h join family_guardian g on"
                  + " g.household_id = h.id where g.email = 'parent@cite.localhost' and"
                  + " h.tenant_id = current_tenant_id()")) {
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
          household = rs.getLong(1);
          lea = rs.getLong(2);
          hugo = rs.getLong(3);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "select count(*) from family_registration where child_id = ? and valid_from = ?")) {
        s.setLong(1, lea);
        s.setObject(2, last.atDay(1));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return false;
          }
        }
      }
      Map<LocalDate, Long> canteen =
          f.existingSessions(f.activity("cantine-jules-ferry").orElseThrow(), last);
      Map<LocalDate, Long> evening =
          f.existingSessions(f.activity("periscolaire-soir-jules-ferry").orElseThrow(), last);
      evening
          .keySet()
          .removeIf(d -> d.getDayOfWeek().getValue() != 2 && d.getDayOfWeek().getValue() != 4);
      Map<LocalDate, Long> wednesday =
          f.existingSessions(f.activity("loisirs-mercredi").orElseThrow(), last);
      if (canteen.isEmpty()) {
        return false;
      }
      f.bookAll(lea, f.activity("cantine-jules-ferry").orElseThrow(), canteen);
      if (!evening.isEmpty()) {
        f.bookAll(lea, f.activity("periscolaire-soir-jules-ferry").orElseThrow(), evening);
      }
      if (!wednesday.isEmpty()) {
        f.bookAll(hugo, f.activity("loisirs-mercredi").orElseThrow(), wednesday);
      }
      var days = new java.util.ArrayList<>(canteen.keySet());
      f.attendance(canteen.get(days.get(0)), lea, "PRESENT");
      if (days.size() > 2) {
        f.attendance(canteen.get(days.get(1)), lea, "ABSENT");
        f.absence(household, lea, days.get(1), days.get(1));
        f.attendance(canteen.get(days.get(2)), lea, "ABSENT");
      }
      // The household's quotient for last month too (the seed's starts with the school year).
      return true;
    }
  }

  /** As the officer, through the API: the régie, its tariffs, last month's run issued. */
  static String billLastMonth(String platform, String townHost, String token)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String api = platform + "/api/v1/desk/billing";
    HttpResponse<String> regies = call(http, townHost, token, "GET", api + "/regies", null);
    String regie;
    jakarta.json.JsonArray known = json(regies.body()).asJsonArray();
    if (!known.isEmpty()) {
      regie = known.getJsonObject(0).getJsonNumber("id").toString();
    } else {
      HttpResponse<String> r =
          call(
              http,
              townHost,
              token,
              "POST",
              api + "/regies",
              "{\"code\":\"periscolaire\",\"nameFr\":\"Régie périscolaire et restauration\","
                  + "\"nameEn\":\"School meals and after-school régie\",\"sepaEnabled\":true,"
                  + "\"counterAddress\":\"Hôtel de ville, 1517 place de l'Hôtel-de-Ville, guichet"
                  + " Famille, du lundi au vendredi 8 h 30 – 17 h\",\"officerName\":\"Dominique"
                  + " Lefèvre, régisseuse\"}");
      if (r.statusCode() != 201) {
        return "régie not created: " + r.statusCode();
      }
      regie = json(r.body()).asJsonObject().getJsonNumber("id").toString();
      LocalDate from = LocalDate.of(2026, 9, 1);
      String[][] tariffs = {
        {
          "cantine-jules-ferry",
          "MEAL",
          "[0,350,45],[350,600,165],[600,900,290],[900,1200,365],[1200,null,430]",
          "610"
        },
        {
          "periscolaire-soir-jules-ferry",
          "SESSION",
          "[0,600,80],[600,1200,150],[1200,null,210]",
          "300"
        },
        {"loisirs-mercredi", "DAY", "[0,600,350],[600,1200,700],[1200,null,1050]", "1600"}
      };
      for (String[] t : tariffs) {
        String activity = activityId(http, townHost, token, platform, t[0]);
        if (activity == null) {
          continue;
        }
        call(
            http,
            townHost,
            token,
            "PUT",
            api + "/activities/" + activity,
            "{\"regieId\":" + regie + "}");
        StringBuilder b = new StringBuilder("[");
        for (String bracket : t[2].substring(1, t[2].length() - 1).split("\\],\\[")) {
          String[] v = bracket.split(",");
          b.append("{\"quotientMin\":").append(v[0]);
          if (!"null".equals(v[1])) {
            b.append(",\"quotientMax\":").append(v[1]);
          }
          b.append(",\"resident\":true,\"unitCents\":").append(v[2]).append("},");
        }
        b.append("{\"quotientMin\":0,\"resident\":false,\"unitCents\":").append(t[3]).append("}]");
        call(
            http,
            townHost,
            token,
            "POST",
            api + "/tariffs",
            "{\"activityId\":"
                + activity
                + ",\"validFrom\":\""
                + from
                + "\",\"unit\":\""
                + t[1]
                + "\",\"unjustifiedPercent\":100,\"justifiedPercent\":0,\"unbookedPercent\":150,"
                + "\"latePercent\":20,\"brackets\":"
                + b
                + "}");
      }
      // A request type with a fee (the Lyon model's "payer en ligne"): a room's rental.
      call(
          http,
          townHost,
          token,
          "PUT",
          api + "/request-fees/reservation-salle",
          "{\"regieId\":"
              + regie
              + ",\"amountCents\":4500,\"labelFr\":\"Location d'une salle municipale\","
              + "\"labelEn\":\"Municipal room rental\"}");
      // The crèches, by the hour on the household's resources (the CNAF's scale), by their own
      // régie.
      HttpResponse<String> early =
          call(
              http,
              townHost,
              token,
              "POST",
              api + "/regies",
              "{\"code\":\"petite-enfance\",\"nameFr\":\"Régie petite enfance\","
                  + "\"nameEn\":\"Early childhood régie\",\"numberPrefix\":\"LH-PE\","
                  + "\"counterAddress\":\"Direction de la petite enfance, guichet unique,"
                  + " du lundi au vendredi 9 h – 17 h\",\"officerName\":\"Camille Martin,"
                  + " régisseur\"}");
      if (early.statusCode() == 201) {
        String crecheRegie = json(early.body()).asJsonObject().getJsonNumber("id").toString();
        for (String slug : new String[] {"creche-les-mouettes", "creche-les-dockers"}) {
          String activity = activityId(http, townHost, token, platform, slug);
          if (activity == null) {
            continue;
          }
          call(
              http,
              townHost,
              token,
              "PUT",
              api + "/activities/" + activity,
              "{\"regieId\":" + crecheRegie + "}");
          call(
              http,
              townHost,
              token,
              "POST",
              api + "/tariffs",
              "{\"activityId\":"
                  + activity
                  + ",\"validFrom\":\""
                  + from
                  + "\",\"unit\":\"HOUR\",\"unjustifiedPercent\":100,\"justifiedPercent\":0,"
                  + "\"hourly\":{\"resourcesFloorCents\":80100,\"resourcesCeilingCents\":700000,"
                  + "\"effortRatesPpm\":[619,516,413,310,310,310,310,206]}}");
        }
      }
    }
    YearMonth last = YearMonth.from(LocalDate.now(ZoneId.of("Europe/Paris"))).minusMonths(1);
    HttpResponse<String> run =
        call(
            http,
            townHost,
            token,
            "POST",
            api + "/runs",
            "{\"regieId\":" + regie + ",\"month\":\"" + last + "\"}");
    if (run.statusCode() != 202) {
      return "run not started: " + run.statusCode();
    }
    String runUrl = api + "/runs/" + json(run.body()).asJsonObject().getJsonNumber("id");
    for (String wanted : new String[] {"DRAFT", "ISSUED"}) {
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() < deadline) {
        String body = call(http, townHost, token, "GET", runUrl, null).body();
        if (body.contains("\"status\":\"ISSUED\"")) {
          return "issued";
        }
        if (body.contains("\"status\":\"" + wanted + "\"")) {
          break;
        }
        Thread.sleep(300);
      }
      if (wanted.equals("DRAFT")) {
        call(http, townHost, token, "POST", runUrl + "/issue", "");
      }
    }
    return "issued";
  }

  static String activityId(HttpClient http, String host, String token, String platform, String slug)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        call(http, host, token, "GET", platform + "/api/v1/desk/billing/activities", null);
    return json(r.body()).asJsonArray().getValuesAs(jakarta.json.JsonObject.class).stream()
        .filter(a -> slug.equals(a.getString("slug", "")))
        .map(a -> a.getJsonNumber("id").toString())
        .findFirst()
        .orElse(null);
  }

  /** The town's tenant id, or null when it is not onboarded. */
  static Long tenantOf(Connection c, String townSlug) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select id from tenant where slug = ?")) {
      s.setString(1, townSlug);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  static jakarta.json.JsonStructure json(String body) {
    return jakarta.json.Json.createReader(new java.io.StringReader(body)).read();
  }

  static HttpResponse<String> call(
      HttpClient http, String host, String token, String method, String url, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Host", host)
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
