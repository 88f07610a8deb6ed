package fr.cite.it.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.it.support.TownCitizens;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests through the API, as the citizen's pages and the agents' console use them: a citizen
 * files a graffiti-removal request with a photo; an agent takes it, asks for a precision, the
 * citizen answers, the agent closes it; each step e-mailed to the citizen (GreenMail). Town B's
 * agents and the citizen's token on town B see nothing of it, nor does the database as town B.
 */
class RequestLifecycleIT extends CiteIntegrationTest {

  static TestTowns.Town a;
  static TestTowns.Town b;
  static String citizenEmail;
  static String citizenToken;
  static String citizenTokenOnB;
  static TownStaff.Member agentOfA;
  static TownStaff.Member agentOfB;

  @BeforeAll
  static void townsCitizenAndAgents() throws Exception {
    TestKeycloak.awaitReady();
    a = TestTowns.onboard();
    b = TestTowns.onboard();
    TownCitizens.Citizen claire = TownCitizens.signUp(a, "habitant", "Claire", "Dupont");
    citizenEmail = claire.email();
    citizenToken = claire.token();
    citizenTokenOnB = claire.tokenOn(b);
    agentOfA = TownStaff.member(a, "agent-a", "AGENT");
    agentOfB = TownStaff.member(b, "agent-b", "AGENT");
  }

  static String[] citizen(String... more) {
    return concat(TownStaff.bearer(citizenToken), more);
  }

  static String[] concat(String[] x, String[] y) {
    String[] all = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, all, x.length, y.length);
    return all;
  }

  static byte[] photo() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    image.createGraphics().fillRect(10, 10, 20, 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static String graffiti(String address, byte[] photo) {
    return "{\"type\":\"enlevement-graffitis\",\"values\":{\"adresse\":\""
        + address
        + "\",\"support\":\"batiment-public\",\"description\":\"Tags sur la porte\"},"
        + "\"files\":[{\"field\":\"photo\",\"fileName\":\"IMG_2041.png\",\"content\":\""
        + Base64.getEncoder().encodeToString(photo)
        + "\"}]}";
  }

  @Test
  void submitAssignWaitReplyDoneWithTheEmailsReceived() throws Exception {
    List<JsonObject> types =
        jakarta.json.Json.createReader(
                new java.io.StringReader(Http.get(a.host(), "/api/v1/requests/types").body()))
            .readArray()
            .getValuesAs(JsonObject.class);
    assertThat(types)
        .extracting(t -> t.getString("slug"))
        .contains(
            "enlevement-graffitis", "preinscription-scolaire", "attestation-quotient-familial")
        .hasSizeGreaterThanOrEqualTo(8);

    Http.Response filed =
        Http.postJson(
            a.host(), "/api/v1/requests", graffiti("12 rue de la Paix", photo()), citizen());
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    String reference = filed.json().getString("reference");
    assertThat(reference).matches("[A-Z]{2,3}-\\d{4}-\\d{6}");
    assertThat(filed.json().containsKey("trackingCode") && !filed.json().isNull("trackingCode"))
        .isFalse();
    assertThat(TestMail.awaitMessagesTo(citizenEmail))
        .anySatisfy(m -> assertThat(m.subject()).contains(reference).contains("bien reçue"));

    // "Mon compte" lists it.
    JsonObject mine = Http.get(a.host(), "/api/v1/requests/mine", citizen()).json();
    assertThat(mine.getJsonArray("items").toString()).contains(reference).contains("SUBMITTED");

    // The agent finds it in the queue, takes it and asks for a precision.
    JsonObject queue =
        Http.get(a.host(), "/api/v1/desk/requests?status=SUBMITTED&size=100", agentOfA.bearer())
            .json();
    assertThat(queue.getJsonArray("items").toString()).contains(reference);
    assertThat(
            Http.postJson(
                    a.host(),
                    "/api/v1/desk/requests/" + reference + "/assignment",
                    "{\"assignee\":\"me\"}",
                    agentOfA.bearer())
                .status())
        .isEqualTo(200);
    Http.Response waiting =
        Http.postJson(
            a.host(),
            "/api/v1/desk/requests/" + reference + "/status",
            "{\"status\":\"WAITING\",\"message\":\"Le tag est-il au rez-de-chaussée ?\"}",
            agentOfA.bearer());
    assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
    assertThat(waiting.json().getString("assignee")).isEqualTo(agentOfA.email());
    awaitMail(citizenEmail, reference, "attend votre réponse", "rez-de-chaussée");

    // Given to someone else, then back; an unknown person is refused.
    Http.Response given =
        Http.postJson(
            a.host(),
            "/api/v1/desk/requests/" + reference + "/assignment",
            "{\"assignee\":\"" + agentOfA.email() + "\"}",
            agentOfA.bearer());
    assertThat(given.status()).as(given.toString()).isEqualTo(200);
    Checks.assertProblem(
        Http.postJson(
            a.host(),
            "/api/v1/desk/requests/" + reference + "/assignment",
            "{\"assignee\":\"" + agentOfB.email() + "\"}",
            agentOfA.bearer()),
        422,
        "request-unknown-agent");

    // An internal note never reaches the citizen.
    Http.postJson(
        a.host(),
        "/api/v1/desk/requests/" + reference + "/notes",
        "{\"text\":\"Voir avec l'équipe du secteur nord\"}",
        agentOfA.bearer());

    // The citizen answers: back to "in progress".
    Http.Response replied =
        Http.postJson(
            a.host(),
            "/api/v1/requests/" + reference + "/messages",
            "{\"text\":\"Oui, au rez-de-chaussée.\"}",
            citizen());
    assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
    assertThat(replied.json().getString("status")).isEqualTo("IN_PROGRESS");
    assertThat(replied.body()).doesNotContain("secteur nord");
    assertThat(Http.get(a.host(), "/api/v1/desk/requests/" + reference, agentOfA.bearer()).body())
        .contains("secteur nord");

    Http.Response done =
        Http.postJson(
            a.host(),
            "/api/v1/desk/requests/" + reference + "/status",
            "{\"status\":\"DONE\",\"message\":\"Le tag a été effacé.\"}",
            agentOfA.bearer());
    assertThat(done.json().getString("status")).isEqualTo("DONE");
    awaitMail(citizenEmail, reference, "est traitée", "effacé");

    // The whole story, as the citizen sees it, and the photo as an attachment.
    JsonObject seen = Http.get(a.host(), "/api/v1/requests/" + reference, citizen()).json();
    assertThat(seen.getJsonArray("history").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("kind"))
        .containsSubsequence("CREATED", "SUBMITTED", "STATUS", "MESSAGE", "STATUS", "STATUS");
    JsonObject file = seen.getJsonArray("files").getJsonObject(0);
    assertThat(file.getString("fileName")).isEqualTo("IMG_2041.png");
    Http.Response download = Http.get(a.host(), file.getString("url"), citizen());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Disposition")).startsWith("attachment;");
    assertThat(download.header("Content-Type")).startsWith("image/png");
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(download.bytes())).getWidth())
        .isEqualTo(64);

    // A closed request takes no more replies.
    Checks.assertProblem(
        Http.postJson(
            a.host(),
            "/api/v1/requests/" + reference + "/messages",
            "{\"text\":\"Merci\"}",
            citizen()),
        409,
        "request-closed");

    // Town B sees nothing of it, by page, API, direct reference or database.
    Checks.assertProblem(
        Http.get(b.host(), "/api/v1/desk/requests/" + reference, agentOfB.bearer()),
        404,
        "request-not-found");
    assertThat(Http.get(b.host(), "/api/v1/desk/requests?size=100", agentOfB.bearer()).body())
        .doesNotContain(reference);
    assertThat(Http.get(b.host(), "/api/v1/desk/requests", agentOfA.bearer()).status())
        .isEqualTo(403);
    Checks.assertProblem(
        Http.get(b.host(), "/api/v1/requests/" + reference, TownStaff.bearer(citizenTokenOnB)),
        404,
        "request-not-found");
    assertThat(
            Http.get(b.host(), "/api/v1/requests/mine", TownStaff.bearer(citizenTokenOnB))
                .json()
                .getInt("totalItems"))
        .isZero();
    try (Connection c = TestDatabase.asApplication()) {
      c.setAutoCommit(false);
      c.createStatement().execute("select set_config('app.tenant_id', '" + b.id() + "', true)");
      assertThat(
              Checks.count(c, "select count(*) from demande where reference = '" + reference + "'"))
          .isZero();
      assertThat(Checks.count(c, "select count(*) from demande_attachment")).isZero();
      assertThat(
              c.createStatement()
                  .executeUpdate(
                      "update demande set status = 'REJECTED' where reference = '"
                          + reference
                          + "'"))
          .isZero();
      c.rollback();
    }
  }

  @Test
  void badInputIsRefusedWithEachFieldsReasonAndNothingIsWritten() throws Exception {
    long before = countRequests(a);
    Http.Response missing =
        Http.postJson(
            a.host(),
            "/api/v1/requests",
            "{\"type\":\"collecte-encombrants\",\"values\":{\"volume\":\"12\",\"datePreferee\":\"demain\"}}",
            citizen());
    Checks.assertProblem(missing, 422, "invalid-form");
    assertThat(missing.json().getJsonArray("errors").toString())
        .contains("adresse")
        .contains("Ce champ est obligatoire")
        .contains("volume")
        .contains("entre 0.5 et 5")
        .contains("datePreferee")
        .contains("AAAA-MM-JJ");
    Http.Response english =
        Http.postJson(
            a.host(),
            "/api/v1/requests",
            "{\"type\":\"collecte-encombrants\",\"values\":{}}",
            citizen("Accept-Language", "en"));
    assertThat(english.json().getJsonArray("errors").toString()).contains("This field is required");

    Http.Response fake =
        Http.postJson(
            a.host(),
            "/api/v1/requests",
            graffiti("1 place du Marché", "<?php echo 1; ?>".getBytes()),
            citizen());
    Checks.assertProblem(fake, 422, "attachment-type");
    Checks.assertProblem(
        Http.postJson(
            a.host(), "/api/v1/requests", "{\"type\":\"n-existe-pas\",\"values\":{}}", citizen()),
        404,
        "request-type-not-found");
    // A school pre-registration needs an account; graffiti can be reported without one, with an
    // e-mail.
    Checks.assertProblem(
        Http.postJson(
            a.host(), "/api/v1/requests", "{\"type\":\"preinscription-scolaire\",\"values\":{}}"),
        403,
        "request-needs-account");
    Http.Response noEmail =
        Http.postJson(a.host(), "/api/v1/requests", graffiti("3 rue Haute", photo()));
    Checks.assertProblem(noEmail, 422, "invalid-form");
    assertThat(noEmail.json().getJsonArray("errors").toString()).contains("email");
    assertThat(countRequests(a)).isEqualTo(before);
  }

  @Test
  void aRequestWithoutAccountIsFollowedWithItsReferenceAndTrackingCode() throws Exception {
    String email = "passant-" + UUID.randomUUID() + "@example.fr";
    String body =
        graffiti("8 avenue Foch", photo())
            .replaceFirst(
                "\\{", "{\"contact\":{\"name\":\"Un passant\",\"email\":\"" + email + "\"},");
    Http.Response filed = Http.postJson(a.host(), "/api/v1/requests", body);
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    String reference = filed.json().getString("reference");
    String code = filed.json().getString("trackingCode");
    assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(TestMail.awaitMessagesTo(email))
        .anySatisfy(m -> assertThat(m.body()).contains(code).contains(reference));

    Http.Response followed =
        Http.postJson(
            a.host(),
            "/api/v1/requests/tracking",
            "{\"reference\":\"" + reference + "\",\"code\":\"" + code.toLowerCase() + "\"}");
    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.json().getString("status")).isEqualTo("SUBMITTED");
    Checks.assertProblem(
        Http.postJson(
            a.host(),
            "/api/v1/requests/tracking",
            "{\"reference\":\"" + reference + "\",\"code\":\"AAAA-BBBB-CCCC\"}"),
        404,
        "request-not-found");
    Checks.assertProblem(
        Http.postJson(
            b.host(),
            "/api/v1/requests/tracking",
            "{\"reference\":\"" + reference + "\",\"code\":\"" + code + "\"}"),
        404,
        "request-not-found");

    // An agent files one for a citizen who called.
    Http.Response onBehalf =
        Http.postJson(
            a.host(),
            "/api/v1/desk/requests",
            "{\"type\":\"probleme-voirie\",\"channel\":\"PHONE\",\"values\":{\"adresse\":\"Rond-point des Tilleuls\",\"nature\":\"eclairage\",\"description\":\"Lampadaire éteint\"},\"contact\":{\"name\":\"M. Martin\",\"phone\":\"0102030405\"}}",
            agentOfA.bearer());
    assertThat(onBehalf.status()).as(onBehalf.toString()).isEqualTo(201);
    JsonObject seen =
        Http.get(
                a.host(),
                "/api/v1/desk/requests/" + onBehalf.json().getString("reference"),
                agentOfA.bearer())
            .json();
    assertThat(seen.getString("channel")).isEqualTo("PHONE");
    assertThat(seen.getString("citizenName")).isEqualTo("M. Martin");

    // The dashboard's counts.
    JsonObject summary = Http.get(a.host(), "/api/v1/desk/summary", agentOfA.bearer()).json();
    assertThat(summary.getJsonObject("byStatus").getJsonNumber("SUBMITTED").longValue())
        .isGreaterThanOrEqualTo(2);
    assertThat(summary.getJsonObject("openByType").toString()).contains("Problème de voirie");
    assertThat(summary.getJsonArray("oldestOpen")).isNotEmpty();
    assertThat(Http.get(b.host(), "/api/v1/desk/summary", agentOfB.bearer()).body())
        .doesNotContain(reference);
  }

  @Test
  void aDraftIsKeptForItsCitizenThenCompletedAndSent() {
    Http.Response draft =
        Http.postJson(
            a.host(),
            "/api/v1/requests",
            "{\"type\":\"collecte-encombrants\",\"draft\":true,\"values\":{\"objets\":\"Un canapé\"}}",
            citizen());
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    assertThat(draft.json().getString("status")).isEqualTo("DRAFT");
    assertThat(draft.json().containsKey("reference") && !draft.json().isNull("reference"))
        .isFalse();
    long id = draft.json().getJsonNumber("id").longValue();
    assertThat(Http.get(a.host(), "/api/v1/requests/mine?status=DRAFT", citizen()).body())
        .contains("\"id\":" + id);
    // Agents never see drafts.
    assertThat(Http.get(a.host(), "/api/v1/desk/requests?size=100", agentOfA.bearer()).body())
        .doesNotContain("Un canapé");
    // Nobody else completes it.
    Checks.assertProblem(
        Http.postJson(
            a.host(),
            "/api/v1/requests",
            "{\"type\":\"collecte-encombrants\",\"draftId\":" + id + ",\"values\":{}}",
            agentOfA.bearer()),
        404,
        "request-not-found");
    Http.Response sent =
        Http.postJson(
            a.host(),
            "/api/v1/requests",
            "{\"type\":\"collecte-encombrants\",\"draftId\":"
                + id
                + ",\"values\":{\"adresse\":\"9 rue Basse\",\"objets\":\"Un canapé\",\"volume\":\"3\"}}",
            citizen());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    assertThat(sent.json().getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(sent.json().getString("reference")).isNotBlank();
  }

  @Test
  void anonymousSubmissionsAreRateLimited() {
    TestTowns.Town town = TestTowns.onboard();
    String body =
        "{\"type\":\"probleme-voirie\",\"values\":{\"adresse\":\"Place\",\"nature\":\"autre\","
            + "\"description\":\"x\"},\"contact\":{\"email\":\"robot@example.fr\"}}";
    for (int i = 0; i < 10; i++) {
      assertThat(Http.postJson(town.host(), "/api/v1/requests", body).status()).isEqualTo(201);
    }
    Checks.assertProblem(
        Http.postJson(town.host(), "/api/v1/requests", body), 429, "request-rate-limited");
  }

  @Test
  void theCitizensDataAreExportedThenForgottenWhileTheRequestsStay() throws Exception {
    String token = TownCitizens.signUp(a, "depart", "Léo", "Départ").token();
    String reference =
        Http.postJson(
                a.host(),
                "/api/v1/requests",
                graffiti("5 impasse Verte", photo()),
                TownStaff.bearer(token))
            .json()
            .getString("reference");

    Http.Response export = Http.get(a.host(), "/api/v1/requests/me/data", TownStaff.bearer(token));
    assertThat(export.header("Content-Disposition")).startsWith("attachment;");
    assertThat(export.body()).contains(reference).contains("5 impasse Verte");

    assertThat(
            Http.send(
                    a.host(),
                    "/api/v1/requests/me",
                    "application/json",
                    new byte[0],
                    "DELETE",
                    TownStaff.bearer(token))
                .status())
        .isEqualTo(204);
    JsonObject kept =
        Http.get(a.host(), "/api/v1/desk/requests/" + reference, agentOfA.bearer()).json();
    assertThat(kept.getString("status")).isEqualTo("SUBMITTED");
    assertThat(kept.containsKey("citizenEmail") && !kept.isNull("citizenEmail")).isFalse();
    Http.Response after = Http.get(a.host(), "/api/v1/requests/mine", TownStaff.bearer(token));
    assertThat(after.status()).as(after.toString()).isEqualTo(200);
    assertThat(after.json().getInt("totalItems")).isZero();
  }

  @Test
  void aTownDefinesItsOwnTypeStatusNamesAndEmailWording() throws Exception {
    TownStaff.Member admin = TownStaff.member(a, "admin-demandes", "TOWN_ADMIN");
    String type =
        "{\"nameFr\":\"Demande de composteur\",\"nameEn\":\"Compost bin\",\"service\":\"proprete\","
            + "\"anonymous\":false,\"form\":{\"fields\":[{\"name\":\"adresse\",\"type\":\"ADDRESS\","
            + "\"label\":{\"fr\":\"Adresse\"},\"required\":true},{\"name\":\"taille\",\"type\":\"CHOICE\","
            + "\"label\":{\"fr\":\"Taille\"},\"required\":true,\"options\":[{\"value\":\"300\",\"label\":{\"fr\":\"300 L\"}},"
            + "{\"value\":\"600\",\"label\":{\"fr\":\"600 L\"}}]}]}}";
    assertThat(
            Http.putJson(a.host(), "/api/v1/admin/requests/types/composteur", type, admin.bearer())
                .status())
        .isEqualTo(201);
    assertThat(
            Http.putJson(
                    a.host(), "/api/v1/admin/requests/types/composteur", type, agentOfA.bearer())
                .status())
        .isEqualTo(403);
    Checks.assertProblem(
        Http.putJson(
            a.host(),
            "/api/v1/admin/requests/types/casse",
            "{\"nameFr\":\"Casse\",\"service\":\"proprete\",\"form\":{\"fields\":[{\"name\":\"x\"}]}}",
            admin.bearer()),
        422,
        "request-bad-schema");
    assertThat(Http.get(a.host(), "/api/v1/requests/types/composteur").body()).contains("600 L");
    assertThat(Http.get(b.host(), "/api/v1/requests/types/composteur").status()).isEqualTo(404);

    assertThat(
            Http.putJson(
                    a.host(),
                    "/api/v1/admin/requests/status-labels/WAITING",
                    "{\"labelFr\":\"À compléter\",\"labelEn\":\"To complete\"}",
                    admin.bearer())
                .status())
        .isEqualTo(204);
    assertThat(
            Http.putJson(
                    a.host(),
                    "/api/v1/admin/requests/mail-templates",
                    "{\"status\":\"WAITING\",\"language\":\"fr\",\"subject\":\"{reference} : il nous manque une information\","
                        + "\"body\":\"Bonjour, {message} ({status}) {link}\"}",
                    admin.bearer())
                .status())
        .isEqualTo(204);
    String reference =
        Http.postJson(
                a.host(),
                "/api/v1/requests",
                "{\"type\":\"composteur\",\"values\":{\"adresse\":\"2 rue Verte\",\"taille\":\"300\"}}",
                citizen())
            .json()
            .getString("reference");
    Http.postJson(
        a.host(),
        "/api/v1/desk/requests/" + reference + "/status",
        "{\"status\":\"WAITING\",\"message\":\"Avez-vous un jardin ?\"}",
        agentOfA.bearer());
    assertThat(
            Http.get(a.host(), "/api/v1/requests/" + reference, citizen())
                .json()
                .getString("statusLabel"))
        .isEqualTo("À compléter");
    awaitMail(
        citizenEmail,
        reference + " : il nous manque une information",
        "Avez-vous un jardin ? (À compléter)");
  }

  @Test
  void aDeletedAccountLeavesItsRequestsAnonymousInEveryTown() throws Exception {
    TownCitizens.Citizen zoe = TownCitizens.signUp(a, "parti", "Zoé", "Partie");
    String email = zoe.email();
    String onA = zoe.token();
    String onB = zoe.tokenOn(b);
    String inA =
        Http.postJson(
                a.host(),
                "/api/v1/requests",
                graffiti("1 quai Sud", photo()),
                TownStaff.bearer(onA))
            .json()
            .getString("reference");
    String inB =
        Http.postJson(
                b.host(),
                "/api/v1/requests",
                graffiti("2 quai Nord", photo()),
                TownStaff.bearer(onB))
            .json()
            .getString("reference");

    assertThat(
            Http.send(
                    a.host(),
                    "/api/v1/requests/me/account",
                    "application/json",
                    new byte[0],
                    "DELETE",
                    TownStaff.bearer(onA))
                .status())
        .isEqualTo(204);
    for (var check : List.of(new Object[] {a, inA, agentOfA}, new Object[] {b, inB, agentOfB})) {
      TestTowns.Town town = (TestTowns.Town) check[0];
      JsonObject kept =
          Http.get(
                  town.host(),
                  "/api/v1/desk/requests/" + check[1],
                  ((TownStaff.Member) check[2]).bearer())
              .json();
      assertThat(kept.getString("status")).isEqualTo("SUBMITTED");
      assertThat(kept.containsKey("citizenEmail") && !kept.isNull("citizenEmail")).isFalse();
    }
    assertThat(TestKeycloak.admin("/users?email=" + email).asJsonArray()).isEmpty();
  }

  static long countRequests(TestTowns.Town town) throws Exception {
    try (Connection c = TestDatabase.asSuperuser()) {
      return Checks.count(c, "select count(*) from demande where tenant_id = " + town.id());
    }
  }

  static void awaitMail(String to, String... fragments) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      if (TestMail.awaitMessagesTo(to).stream()
          .anyMatch(
              m ->
                  java.util.Arrays.stream(fragments)
                      .allMatch(f -> (m.subject() + "\n" + m.body()).contains(f)))) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "No e-mail to "
            + to
            + " with "
            + java.util.Arrays.toString(fragments)
            + ": "
            + TestMail.awaitMessagesTo(to));
  }
}
