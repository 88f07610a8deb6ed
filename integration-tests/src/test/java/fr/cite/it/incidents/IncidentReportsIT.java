package fr.cite.it.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Incident reports end to end through the API: a town's set-up (outline, services, categories, a
 * sector and a rule), a report with a photo routed by the rule, sent once whatever the retries, the
 * nearby duplicates, the public map and page showing public fields only, followers e-mailed, an
 * agent resolving it and the reporter's "no" reopening it; the front desk requalifying; bad input;
 * Open311 in JSON and XML; and town B seeing none of it through the API, Open311 and its database
 * role.
 */
class IncidentReportsIT extends CiteIntegrationTest {

  // Town A is a 4 km square around (49.49, 0.10); its neighbour C lies east of it.
  static final double LAT = 49.49;
  static final double LON = 0.10;

  static TestTowns.Town a;
  static TestTowns.Town b;
  static fr.cite.platform.communes.Commune neighbour;
  static TownStaff.Member adminOfA;
  static TownStaff.Member agentOfA;
  static TownStaff.Member agentOfB;
  static long northSector;

  @BeforeAll
  static void townsAndSetUp() throws Exception {
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
    neighbour = TestTowns.unusedCommune();
    IncidentTowns.outline(neighbour.inseeCode(), LAT, LON + 0.04);
    IncidentTowns.outline(b.commune().inseeCode(), 45.0, 1.0);
    agentOfA = TownStaff.member(a, "incidents-agent", "AGENT");
    agentOfB = TownStaff.member(b, "incidents-agent-b", "AGENT");
    IncidentTowns.SetUp set = IncidentTowns.setUp(a, LAT, LON, agentOfA.email());
    adminOfA = set.admin();
    northSector = set.northSector();
  }

  /** A form-encoded POST to town A, as Open311 partners send. */
  static Http.Response postForm(String path, String form) {
    return Http.send(
        a.host(),
        path,
        "application/x-www-form-urlencoded",
        form.getBytes(StandardCharsets.UTF_8),
        "POST");
  }

  static Http.Response admin(String method, String path, String json, int expected) {
    return IncidentTowns.admin(a, adminOfA, method, path, json, expected);
  }

  static String report(String category, double lat, double lon, String extra) {
    return IncidentTowns.report(category, lat, lon, extra);
  }

  /** A JPEG with an EXIF segment that holds a GPS position, as a phone writes it. */
  static byte[] jpegWithGps() throws Exception {
    BufferedImage img = new BufferedImage(2400, 1200, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 2400; x += 7) {
      img.setRGB(x, x / 2, 0xff8800);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", out);
    byte[] plain = out.toByteArray();
    byte[] exif =
        ("Exif\0\0MM\0*\0\0\0\bGPSLatitude=49.4912345;GPSLongitude=0.1012345")
            .getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream withExif = new ByteArrayOutputStream();
    withExif.write(plain, 0, 2);
    withExif.write(0xFF);
    withExif.write(0xE1);
    withExif.write((exif.length + 2) >> 8);
    withExif.write((exif.length + 2) & 0xff);
    withExif.write(exif);
    withExif.write(plain, 2, plain.length - 2);
    return withExif.toByteArray();
  }

  static String photo(String name, byte[] bytes) {
    return "{\"fileName\":\""
        + name
        + "\",\"content\":\""
        + Base64.getEncoder().encodeToString(bytes)
        + "\"}";
  }

  static long count(String sql) throws Exception {
    try (Connection c = TestDatabase.asSuperuser()) {
      return Checks.count(c, sql);
    }
  }

  @Test
  void aReportIsRoutedSentOnceFollowedResolvedAndReopenedByItsReporter() throws Exception {
    String reporter = "habitante-" + UUID.randomUUID() + "@example.fr";
    String key = "draft-" + UUID.randomUUID();
    byte[] gps = jpegWithGps();
    assertThat(new String(gps, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");
    String body =
        report(
            "nid-de-poule",
            LAT + 0.01,
            LON + 0.001,
            ",\"description\":\"Trou profond <b>devant</b> l'école\",\"email\":\""
                + reporter
                + "\",\"name\":\"Claire Dupont\",\"shownAs\":\"INITIALS\",\"idempotencyKey\":\""
                + key
                + "\",\"photos\":["
                + photo("trou.jpg", gps)
                + "]");
    Http.Response filed = Http.postJson(a.host(), "/api/v1/incidents", body);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    JsonObject f = filed.json();
    long id = f.getJsonNumber("id").longValue();
    assertThat(f.getString("status")).isEqualTo("NEW");
    assertThat(f.getString("trackingCode")).isNotBlank();
    String code = f.getString("trackingCode");

    // The offline draft sent again (the network dropped the answer): the same report, once.
    Http.Response again = Http.postJson(a.host(), "/api/v1/incidents", body);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(again.json().getBoolean("alreadyFiled")).isTrue();
    assertThat(count("select count(*) from incident where idempotency_key = '" + key + "'"))
        .isEqualTo(1);

    // Routed by the rule of the north sector, the reason kept.
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select i.routing_reason, v.code, i.sector_id, p.content, p.width from incident i"
                    + " join incident_service v on v.id = i.service_id join incident_photo p on"
                    + " p.incident_id = i.id where i.id = "
                    + id)) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).contains("règle").contains("Nord");
      assertThat(r.getString(2)).isEqualTo("voirie");
      assertThat(r.getLong(3)).isEqualTo(northSector);
      byte[] stored = r.getBytes(4);
      assertThat(stored[0] & 0xff).isEqualTo(0xFF);
      assertThat(stored[1] & 0xff).isEqualTo(0xD8);
      String text = new String(stored, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain("Exif").doesNotContain("GPSLatitude");
      assertThat(r.getInt(5)).isEqualTo(1600);
    }

    // Before filing a second one 20 m away: the open report nearby, with its distance.
    Http.Response near =
        Http.get(
            a.host(),
            String.format(
                Locale.ROOT,
                "/api/v1/incidents/nearby?category=nid-de-poule&lat=%f&lon=%f",
                LAT + 0.01018,
                LON + 0.001));
    assertThat(near.status()).as(near.body()).isEqualTo(200);
    JsonArray nearby = near.structure().asJsonArray();
    assertThat(nearby).isNotEmpty();
    assertThat(nearby.getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(nearby.getJsonObject(0).getInt("distance")).isBetween(15, 25);

    // Public fields only: no reporter, no contact, no unmoderated text, the position rounded.
    Http.Response pub = Http.get(a.host(), "/api/v1/incidents/" + id);
    assertThat(pub.status()).isEqualTo(200);
    assertThat(pub.body())
        .doesNotContain(reporter)
        .doesNotContain("Dupont")
        .doesNotContain("devant")
        .contains("\"status\":\"NEW\"");
    Http.Response map =
        Http.get(
            a.host(),
            String.format(
                Locale.ROOT,
                "/api/v1/incidents/map?bbox=%f,%f,%f,%f&zoom=17",
                LON - 0.02,
                LAT - 0.02,
                LON + 0.02,
                LAT + 0.02));
    assertThat(map.status()).as(map.body()).isEqualTo(200);
    assertThat(map.body()).contains("\"id\":" + id).doesNotContain(reporter);
    Http.Response city =
        Http.get(
            a.host(),
            String.format(
                Locale.ROOT,
                "/api/v1/incidents/map?bbox=%f,%f,%f,%f&zoom=11",
                LON - 0.02,
                LAT - 0.02,
                LON + 0.02,
                LAT + 0.02));
    assertThat(city.json().getBoolean("clustered")).isTrue();
    assertThat(city.json().getJsonArray("items").toString()).contains("\"id\":" + id);

    // Someone else follows it ("me too").
    String neighbourEmail = "voisin-" + UUID.randomUUID() + "@example.fr";
    Http.Response follow =
        Http.postJson(
            a.host(),
            "/api/v1/incidents/" + id + "/followers",
            "{\"email\":\"" + neighbourEmail + "\"}");
    assertThat(follow.status()).as(follow.body()).isEqualTo(200);
    assertThat(follow.json().getInt("followers")).isEqualTo(2);

    // The roads agent finds it in their queue, moderates, acknowledges, resolves it.
    Http.Response queue =
        Http.get(a.host(), "/api/v1/desk/incidents?service=mine", agentOfA.bearer());
    assertThat(queue.status()).as(queue.body()).isEqualTo(200);
    assertThat(queue.body()).contains("\"id\":" + id);
    // The agent rewrites the text and paints over the photo's top-left quarter (a number plate).
    long photoId =
        Http.get(a.host(), "/api/v1/desk/incidents/" + id, agentOfA.bearer())
            .json()
            .getJsonArray("photoIds")
            .getJsonNumber(0)
            .longValue();
    Http.Response moderated =
        Http.putJson(
            a.host(),
            "/api/v1/desk/incidents/" + id + "/moderation",
            "{\"text\":\"Trou profond <b>devant</b> l'école\",\"photos\":[{\"photo\":"
                + photoId
                + ",\"masks\":[{\"x\":0,\"y\":0,\"w\":0.5,\"h\":0.5}]}]}",
            agentOfA.bearer());
    assertThat(moderated.status()).as(moderated.body()).isEqualTo(200);
    BufferedImage published =
        ImageIO.read(
            new java.io.ByteArrayInputStream(
                Http.get(a.host(), "/api/v1/incidents/" + id + "/photos/" + photoId).bytes()));
    BufferedImage raw =
        ImageIO.read(
            new java.io.ByteArrayInputStream(
                Http.get(
                        a.host(),
                        "/api/v1/desk/incidents/" + id + "/photos/" + photoId,
                        agentOfA.bearer())
                    .bytes()));
    // The photo is black but for a few dots; the mask is dark grey (0x3a), only where it was put,
    // and only in the public copy.
    assertThat(published.getRGB(100, 100) & 0xff).isBetween(40, 80);
    assertThat(published.getRGB(1300, 200) & 0xff).isLessThan(25);
    assertThat(raw.getRGB(100, 100) & 0xff).isLessThan(25);
    move(id, "ACKNOWLEDGED", null, 200);
    move(id, "NEW", null, 422);
    move(id, "RESOLVED", null, 200);
    JsonObject resolved = Http.get(a.host(), "/api/v1/incidents/" + id).json();
    assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
    assertThat(resolved.getString("publicNote")).isEqualTo("Le nid-de-poule a été rebouché.");
    assertThat(resolved.getString("description")).isEqualTo("Trou profond <b>devant</b> l'école");
    assertThat(resolved.getString("reporter")).isEqualTo("C. D.");
    assertThat(resolved.getJsonArray("photos")).hasSize(1);
    List<TestMail.Received> neighbourMails = TestMail.awaitMessagesTo(neighbourEmail);
    assertThat(neighbourMails).anySatisfy(m -> assertThat(m.subject()).contains("résolu"));

    // Every mail carries the follower's own "stop following" link; it works on this report of
    // this town only, once.
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("/signalements/" + id + "\\?jeton=([0-9a-f-]{36})")
            .matcher(neighbourMails.get(neighbourMails.size() - 1).body());
    assertThat(link.find()).as(neighbourMails.toString()).isTrue();
    String token = link.group(1);
    String unfollow = "/api/v1/incidents/" + id + "/followers/unfollow";
    Checks.assertProblem(
        Http.postJson(b.host(), unfollow, "{\"token\":\"" + token + "\"}"),
        404,
        "incident-follower-unknown");
    Checks.assertProblem(
        Http.postJson(a.host(), unfollow, "{\"token\":\"" + UUID.randomUUID() + "\"}"),
        404,
        "incident-follower-unknown");
    assertThat(Http.postJson(a.host(), unfollow, "{\"token\":\"pas-un-jeton\"}").status())
        .isIn(400, 422);
    int followersBefore = Http.get(a.host(), "/api/v1/incidents/" + id).json().getInt("followers");
    assertThat(Http.postJson(a.host(), unfollow, "{\"token\":\"" + token + "\"}").status())
        .isEqualTo(204);
    assertThat(Http.get(a.host(), "/api/v1/incidents/" + id).json().getInt("followers"))
        .isEqualTo(followersBefore - 1);
    Checks.assertProblem(
        Http.postJson(a.host(), unfollow, "{\"token\":\"" + token + "\"}"),
        404,
        "incident-follower-unknown");

    // The reporter answers "no": it reopens, once; the request follows.
    Http.Response wrongCode =
        Http.postJson(
            a.host(),
            "/api/v1/incidents/" + id + "/answer",
            "{\"answer\":\"NO\",\"code\":\"XXXX\"}");
    assertThat(wrongCode.status()).isEqualTo(404);
    Http.Response no =
        Http.postJson(
            a.host(),
            "/api/v1/incidents/" + id + "/answer",
            "{\"answer\":\"NO\",\"comment\":\"Toujours là\",\"code\":\"" + code + "\"}");
    assertThat(no.status()).as(no.body()).isEqualTo(200);
    assertThat(no.json().getString("status")).isEqualTo("REOPENED");
    // The reporter is told; the neighbour, who stopped following, is not.
    assertThat(awaitSubject(reporter, "rouvert")).isTrue();
    assertThat(TestMail.awaitMessagesTo(neighbourEmail))
        .noneSatisfy(m -> assertThat(m.subject()).contains("rouvert"));
    assertThat(
            count(
                "select count(*) from demande d join incident i on i.demande_id = d.id where i.id = "
                    + id
                    + " and d.status = 'IN_PROGRESS'"))
        .isEqualTo(1);
    Http.Response twice =
        Http.postJson(
            a.host(),
            "/api/v1/incidents/" + id + "/answer",
            "{\"answer\":\"NO\",\"code\":\"" + code + "\"}");
    assertThat(twice.status()).isEqualTo(409);

    // Open311 lists it as open, without the reporter.
    Http.Response o311 = Http.get(a.host(), "/open311/v2/requests/" + id + ".json");
    assertThat(o311.status()).as(o311.body()).isEqualTo(200);
    JsonObject req = o311.structure().asJsonArray().getJsonObject(0);
    assertThat(req.getString("service_request_id")).isEqualTo(String.valueOf(id));
    assertThat(req.getString("status")).isEqualTo("open");
    assertThat(req.getString("service_code")).isEqualTo("nid-de-poule");
    assertThat(req.getString("requested_datetime"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    assertThat(o311.body()).doesNotContain(reporter).doesNotContain("Dupont");
  }

  /** Waits (up to 20 s) for a message to this address whose subject says this. */
  static boolean awaitSubject(String address, String subject) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      if (TestMail.awaitMessagesTo(address).stream().anyMatch(m -> m.subject().contains(subject))) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  static void move(long id, String status, String message, int expected) {
    Http.Response r =
        Http.postJson(
            a.host(),
            "/api/v1/desk/incidents/" + id + "/status",
            "{\"status\":\""
                + status
                + "\""
                + (message == null ? "" : ",\"message\":\"" + message + "\"")
                + "}",
            agentOfA.bearer());
    assertThat(r.status()).as(r.body()).isEqualTo(expected);
  }

  @Test
  void aCategorysOwnFieldsAreAskedCheckedShownToAgentsAndToOpen311Partners() throws Exception {
    // A file field is refused (photos are the report's own); then a choice and a checkbox.
    Checks.assertProblem(
        admin(
            "PUT",
            "categories/depot-sauvage",
            "{\"nameFr\":\"Dépôt sauvage\",\"service\":\"proprete\",\"form\":{\"fields\":"
                + "[{\"name\":\"piece\",\"type\":\"FILE\",\"label\":{\"fr\":\"Pièce\"}}]}}",
            422),
        422,
        "incident-bad-fields");
    admin(
        "PUT",
        "categories/depot-sauvage",
        "{\"nameFr\":\"Dépôt sauvage\",\"service\":\"proprete\",\"form\":{\"fields\":["
            + "{\"name\":\"volume\",\"type\":\"CHOICE\",\"label\":{\"fr\":\"Volume\",\"en\":\"Size\"},"
            + "\"required\":true,\"options\":[{\"value\":\"petit\",\"label\":{\"fr\":\"Un sac\"}},"
            + "{\"value\":\"gros\",\"label\":{\"fr\":\"Des meubles\"}}]},"
            + "{\"name\":\"dangereux\",\"type\":\"CHECKBOX\",\"label\":{\"fr\":\"Produits dangereux\"}}]}}",
        201);
    // Saved again without "form" (as the console's editor does): the fields stay.
    admin(
        "PUT",
        "categories/depot-sauvage",
        "{\"nameFr\":\"Dépôt sauvage\",\"service\":\"proprete\",\"duplicateRadius\":30}",
        200);
    String categories = Http.get(a.host(), "/api/v1/incidents/categories").body();
    assertThat(categories).contains("\"name\":\"volume\"").contains("Des meubles");
    assertThat(Http.get(b.host(), "/api/v1/incidents/categories").body()).doesNotContain("volume");

    long before = count("select count(*) from incident where tenant_id = " + a.id());
    String email = ",\"email\":\"depot-" + UUID.randomUUID() + "@example.fr\"";
    Http.Response missing =
        Http.postJson(a.host(), "/api/v1/incidents", report("depot-sauvage", LAT, LON, email));
    Checks.assertProblem(missing, 422, "invalid-form");
    assertThat(missing.body()).contains("answers.volume");
    Http.Response notAnOption =
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report("depot-sauvage", LAT, LON, email + ",\"answers\":{\"volume\":[\"enorme\"]}"));
    assertThat(notAnOption.status()).isEqualTo(422);
    assertThat(count("select count(*) from incident where tenant_id = " + a.id()))
        .isEqualTo(before);
    Http.Response filed =
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report(
                "depot-sauvage",
                LAT,
                LON,
                email + ",\"answers\":{\"volume\":[\"gros\"],\"dangereux\":[\"true\"]}"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    long id = filed.json().getJsonNumber("id").longValue();
    Http.Response detail = Http.get(a.host(), "/api/v1/desk/incidents/" + id, adminOfA.bearer());
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    assertThat(detail.json().getJsonObject("answers").toString())
        .contains("\"volume\":[\"gros\"]")
        .contains("\"dangereux\":[\"true\"]");
    // The answers are the agents': not in the public report.
    assertThat(Http.get(a.host(), "/api/v1/incidents/" + id).body()).doesNotContain("gros");

    // Open311: the service says it has attributes, defines them, and files them back.
    assertThat(Http.get(a.host(), "/open311/v2/services.json").body())
        .contains("\"service_code\":\"depot-sauvage\",\"service_name\":\"Dépôt sauvage\"")
        .containsPattern("\"service_code\":\"depot-sauvage\"[^}]*\"metadata\":true");
    Http.Response definition = Http.get(a.host(), "/open311/v2/services/depot-sauvage.json");
    assertThat(definition.status()).isEqualTo(200);
    JsonObject volume = definition.json().getJsonArray("attributes").getJsonObject(0);
    assertThat(volume.getString("code")).isEqualTo("volume");
    assertThat(volume.getString("datatype")).isEqualTo("singlevaluelist");
    assertThat(volume.getBoolean("required")).isTrue();
    assertThat(volume.getJsonArray("values").getJsonObject(1).getString("key")).isEqualTo("gros");
    Document xml = xml(Http.get(a.host(), "/open311/v2/services/depot-sauvage.xml"));
    assertThat(xml.getElementsByTagName("attribute").getLength()).isEqualTo(2);
    assertThat(xml.getElementsByTagName("datatype").item(1).getTextContent())
        .isEqualTo("singlevaluelist");
    String key =
        admin("POST", "open311-keys", "{\"name\":\"Appli dépôts\"}", 201).json().getString("key");
    String form =
        "service_code=depot-sauvage&lat="
            + LAT
            + "&long="
            + LON
            + "&email=partenaire%40example.fr&api_key="
            + key;
    Http.Response withoutAttribute = postForm("/open311/v2/requests.json", form);
    assertThat(withoutAttribute.status()).isEqualTo(400);
    assertThat(withoutAttribute.body()).contains("volume");
    Http.Response withAttribute =
        postForm("/open311/v2/requests.json", form + "&attribute%5Bvolume%5D=petit");
    assertThat(withAttribute.status()).as(withAttribute.body()).isEqualTo(201);
    assertThat(
            count(
                "select count(*) from incident where tenant_id = "
                    + a.id()
                    + " and answers ->> 'volume' = 'petit'"))
        .isEqualTo(1);
  }

  @Test
  void withoutRuleOrDefaultServiceTheFrontDeskRequalifiesAndTheReportIsRoutedAgain()
      throws Exception {
    Http.Response filed =
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report("lampadaire", LAT + 0.012, LON - 0.002, ",\"email\":\"nuit@example.fr\""));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    long id = filed.json().getJsonNumber("id").longValue();
    assertThat(filed.json().getString("status")).isEqualTo("TO_REQUALIFY");
    Http.Response frontDesk =
        Http.get(a.host(), "/api/v1/desk/incidents?service=front-desk", agentOfA.bearer());
    assertThat(frontDesk.body()).contains("\"id\":" + id);
    Http.Response requalified =
        Http.postJson(
            a.host(),
            "/api/v1/desk/incidents/" + id + "/requalify",
            "{\"category\":\"nid-de-poule\"}",
            agentOfA.bearer());
    assertThat(requalified.status()).as(requalified.body()).isEqualTo(200);
    assertThat(requalified.json().getString("reason")).isEqualTo("RULE");
    JsonObject detail =
        Http.get(a.host(), "/api/v1/desk/incidents/" + id, agentOfA.bearer()).json();
    assertThat(detail.getJsonObject("row").getString("status")).isEqualTo("NEW");
    assertThat(detail.getJsonObject("row").getString("service")).isEqualTo("voirie");
    assertThat(detail.getString("routingReason")).contains("requalifié").contains("Nord");

    // A duplicate merged into it: its followers move, it closes as a duplicate.
    Http.Response dup =
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report("nid-de-poule", LAT + 0.01201, LON - 0.002, ",\"email\":\"double@example.fr\""));
    long dupId = dup.json().getJsonNumber("id").longValue();
    Http.Response merged =
        Http.postJson(
            a.host(),
            "/api/v1/desk/incidents/" + dupId + "/merge",
            "{\"into\":" + id + "}",
            agentOfA.bearer());
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(merged.json().getJsonObject("row").getInt("followers")).isEqualTo(2);
    assertThat(
            count(
                "select count(*) from incident where id = "
                    + dupId
                    + " and status = 'DUPLICATE' and duplicate_of = "
                    + id))
        .isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithAClearProblemAndLeavesNothingBehind() throws Exception {
    long before = count("select count(*) from incident where tenant_id = " + a.id());
    long requestsBefore = count("select count(*) from demande where tenant_id = " + a.id());
    String email = ",\"email\":\"x@example.fr\"";
    Http.Response outside =
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report("nid-de-poule", LAT, LON + 0.04, email),
            "Accept-Language",
            "fr");
    Checks.assertProblem(outside, 422, "incident-outside-town");
    assertThat(outside.json().getString("detail")).contains(neighbour.name());
    Checks.assertProblem(
        Http.postJson(a.host(), "/api/v1/incidents", report("nid-de-poule", 10, 10, email)),
        422,
        "incident-outside-any");
    Http.Response far =
        Http.postJson(a.host(), "/api/v1/incidents", report("nid-de-poule", 1000, 0.1, email));
    assertThat(far.status()).as(far.body()).isEqualTo(422);
    Http.Response nan =
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            "{\"category\":\"nid-de-poule\",\"lat\":\"NaN\",\"lon\":0.1" + email + "}");
    assertThat(nan.status()).as(nan.body()).isIn(400, 422);
    Checks.assertProblem(
        Http.postJson(a.host(), "/api/v1/incidents", report("inconnue", LAT, LON, email)),
        422,
        "incident-unknown-category");
    Checks.assertProblem(
        Http.postJson(a.host(), "/api/v1/incidents", report("voirie", LAT, LON, email)),
        422,
        "incident-category-not-leaf");
    Http.Response noPhoto =
        Http.postJson(a.host(), "/api/v1/incidents", report("tag", LAT, LON, email));
    assertThat(noPhoto.status()).as(noPhoto.body()).isEqualTo(422);
    assertThat(noPhoto.body()).contains("photos");
    // A PNG that is a zip, an SVG with a script, 30 MB.
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("a.txt"));
      z.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    Checks.assertProblem(
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report(
                "tag",
                LAT,
                LON,
                email + ",\"photos\":[" + photo("tag.png", zip.toByteArray()) + "]")),
        422,
        "attachment-type");
    Checks.assertProblem(
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report(
                "tag",
                LAT,
                LON,
                email
                    + ",\"photos\":["
                    + photo(
                        "tag.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                            .getBytes(StandardCharsets.UTF_8))
                    + "]")),
        422,
        "attachment-type");
    // 12 MB: over the 10 MB a photo may weigh, a problem that says so.
    Checks.assertProblem(
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report(
                "tag",
                LAT,
                LON,
                email + ",\"photos\":[" + photo("big.jpg", new byte[12 * 1024 * 1024]) + "]")),
        422,
        "attachment-too_large");
    // 30 MB (40 MB in base 64): over what the server reads of any request (26 MB), refused at
    // its door before the application, the connection closed; the browser reduces photos first.
    // The client sees the 400 when it reads it before the server closes the connection, and a
    // connection closed mid-upload otherwise (a race of the two ends, CI of stop 23): either way
    // the server refuses it, stays up and writes nothing (counted below).
    String hugeBody =
        report(
            "tag",
            LAT,
            LON,
            email + ",\"photos\":[" + photo("huge.jpg", new byte[30 * 1024 * 1024]) + "]");
    try {
      assertThat(Http.postJson(a.host(), "/api/v1/incidents", hugeBody).status()).isEqualTo(400);
    } catch (java.io.UncheckedIOException closedMidUpload) {
      assertThat(Http.get(a.host(), "/health/ready").status()).isEqualTo(200);
    }
    Http.Response malformed = Http.postJson(a.host(), "/api/v1/incidents", "{\"category\":");
    assertThat(malformed.status()).isEqualTo(400);
    Http.Response noEmail =
        Http.postJson(a.host(), "/api/v1/incidents", report("nid-de-poule", LAT, LON, ""));
    assertThat(noEmail.status()).isEqualTo(422);
    assertThat(count("select count(*) from incident where tenant_id = " + a.id()))
        .isEqualTo(before);
    assertThat(count("select count(*) from demande where tenant_id = " + a.id()))
        .isEqualTo(requestsBefore);
    Http.Response badBox = Http.get(a.host(), "/api/v1/incidents/map?bbox=1,2,3");
    Checks.assertProblem(badBox, 400, "bad-parameter");
  }

  @Test
  void open311AnswersInJsonAndXmlAsTheSpecificationSays() throws Exception {
    Http.Response services = Http.get(a.host(), "/open311/v2/services.json");
    assertThat(services.status()).as(services.body()).isEqualTo(200);
    assertThat(services.header("Content-Type")).startsWith("application/json");
    JsonArray list = services.structure().asJsonArray();
    assertThat(list.stream().map(v -> v.asJsonObject().getString("service_code")))
        .contains("nid-de-poule", "tag", "lampadaire")
        .doesNotContain("voirie");
    JsonObject pothole =
        list.stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getString("service_code").equals("nid-de-poule"))
            .findFirst()
            .orElseThrow();
    assertThat(pothole.keySet())
        .contains("service_name", "description", "metadata", "type", "keywords", "group");
    assertThat(pothole.getString("group")).isEqualTo("Voirie");
    Document xml = xml(Http.get(a.host(), "/open311/v2/services.xml"));
    assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("services");
    assertThat(xml.getElementsByTagName("service").getLength()).isEqualTo(list.size());
    assertThat(
            xml(Http.get(a.host(), "/open311/v2/discovery.xml")).getDocumentElement().getNodeName())
        .isEqualTo("discovery");
    assertThat(
            Http.get(a.host(), "/open311/v2/services/nid-de-poule.json")
                .structure()
                .asJsonObject()
                .getString("service_code"))
        .isEqualTo("nid-de-poule");
    Http.Response unknown = Http.get(a.host(), "/open311/v2/services/inconnu.json");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.structure().asJsonArray().getJsonObject(0).getInt("code")).isEqualTo(404);

    // Filing needs a key the town issued.
    String form =
        "service_code=nid-de-poule&lat="
            + (LAT + 0.005)
            + "&long="
            + LON
            + "&email="
            + URLEncoder.encode("partenaire@example.fr", StandardCharsets.UTF_8)
            + "&description="
            + URLEncoder.encode("Trou rue Victor-Hugo", StandardCharsets.UTF_8)
            + "&first_name=Jean&last_name=Martin";
    Http.Response noKey = postForm("/open311/v2/requests.json", form);
    assertThat(noKey.status()).isEqualTo(403);
    assertThat(noKey.structure().asJsonArray().getJsonObject(0).getInt("code")).isEqualTo(403);
    String apiKey =
        admin("POST", "open311-keys", "{\"name\":\"Appli partenaire\"}", 201)
            .json()
            .getString("key");
    Http.Response posted = postForm("/open311/v2/requests.xml", form + "&api_key=" + apiKey);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    Document created = xml(posted);
    assertThat(created.getDocumentElement().getNodeName()).isEqualTo("service_requests");
    String id = created.getElementsByTagName("service_request_id").item(0).getTextContent();
    String token = created.getElementsByTagName("token").item(0).getTextContent();
    JsonObject byToken =
        Http.get(a.host(), "/open311/v2/tokens/" + token + ".json")
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    assertThat(byToken.getString("service_request_id")).isEqualTo(id);
    Document one = xml(Http.get(a.host(), "/open311/v2/requests/" + id + ".xml?extensions=true"));
    assertThat(one.getElementsByTagName("request").getLength()).isEqualTo(1);
    assertThat(one.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("open");
    assertThat(one.getElementsByTagName("status_detail").item(0).getTextContent()).isEqualTo("NEW");
    assertThat(one.getElementsByTagName("long").getLength()).isEqualTo(1);
    Http.Response all =
        Http.get(a.host(), "/open311/v2/requests.json?status=open&service_code=nid-de-poule");
    assertThat(
            all.structure().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("service_request_id")))
        .contains(id);
    Http.Response badDate = Http.get(a.host(), "/open311/v2/requests.json?start_date=hier");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.structure().asJsonArray().getJsonObject(0).getString("description"))
        .contains("start_date");
    Http.Response missing =
        postForm(
            "/open311/v2/requests.json",
            "api_key=" + apiKey + "&service_code=nid-de-poule&email=a@b.fr");
    assertThat(missing.status()).isEqualTo(400);
    Http.Response outside =
        postForm(
            "/open311/v2/requests.json",
            ("api_key="
                + apiKey
                + "&service_code=nid-de-poule&email=a@b.fr&lat="
                + LAT
                + "&long="
                + (LON + 0.04)));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains(neighbour.name());
    assertThat(Http.get(a.host(), "/open311/v2/requests/999999999.json").status()).isEqualTo(404);
    Http.Response updates = Http.get(a.host(), "/open311/v2/servicerequestupdates.json");
    assertThat(updates.status()).as(updates.body()).isEqualTo(200);
    assertThat(updates.body()).contains("\"service_request_id\":\"" + id + "\"");
  }

  static Document xml(Http.Response r) throws Exception {
    assertThat(r.header("Content-Type")).as(r.body()).startsWith("text/xml");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(r.bytes()));
  }

  @Test
  void townBSeesNoneOfTownAsReportsThroughTheApiOpen311OrItsDatabaseRole() throws Exception {
    Http.Response filed =
        Http.postJson(
            a.host(),
            "/api/v1/incidents",
            report("nid-de-poule", LAT - 0.01, LON + 0.01, ",\"email\":\"isolation@example.fr\""));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    long id = filed.json().getJsonNumber("id").longValue();
    assertThat(Http.get(b.host(), "/api/v1/incidents/" + id).status()).isEqualTo(404);
    assertThat(Http.get(b.host(), "/api/v1/desk/incidents/" + id, agentOfB.bearer()).status())
        .isEqualTo(404);
    assertThat(Http.get(b.host(), "/api/v1/desk/incidents?state=all", agentOfB.bearer()).body())
        .doesNotContain("\"id\":" + id);
    assertThat(
            Http.postJson(
                    b.host(),
                    "/api/v1/desk/incidents/" + id + "/status",
                    "{\"status\":\"REJECTED\"}",
                    agentOfB.bearer())
                .status())
        .isEqualTo(404);
    assertThat(Http.get(b.host(), "/open311/v2/requests/" + id + ".json").status()).isEqualTo(404);
    assertThat(Http.get(b.host(), "/open311/v2/services.json").body())
        .doesNotContain("nid-de-poule");
    assertThat(Http.get(a.host(), "/api/v1/desk/incidents/" + id, agentOfB.bearer()).status())
        .isIn(401, 403);
    Http.Response bMap = Http.get(b.host(), "/api/v1/incidents/map?bbox=-180,-90,180,90&zoom=3");
    assertThat(bMap.status()).as(bMap.body()).isIn(200, 409);
    assertThat(bMap.body()).doesNotContain("\"id\":" + id);
    try (Connection c = TestDatabase.asApplication();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', '" + b.id() + "', true)");
      for (String table :
          new String[] {
            "incident",
            "incident_photo",
            "incident_follower",
            "incident_update",
            "incident_category",
            "incident_service",
            "incident_api_key"
          }) {
        assertThat(
                Checks.count(c, "select count(*) from " + table + " where tenant_id = " + a.id()))
            .as(table)
            .isZero();
      }
      assertThat(s.executeUpdate("update incident set status = 'REJECTED' where id = " + id))
          .isZero();
      c.rollback();
    }
    assertThat(
            count(
                "select count(*) from incident where id = " + id + " and status = 'TO_REQUALIFY'"))
        .isEqualTo(1);
  }
}
