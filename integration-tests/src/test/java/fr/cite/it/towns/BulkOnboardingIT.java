package fr.cite.it.towns;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestTowns;
import fr.cite.platform.communes.Commune;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bulk onboarding through the provider API: a CSV job creates the good lines' towns, reports every
 * bad line in French and English, invites named administrators, leaves other towns to be
 * provisioned on their first visit, resumes without duplicates, and refuses unreadable files
 * without writing anything.
 */
class BulkOnboardingIT extends CiteIntegrationTest {

  static final String JOBS = "/api/v1/platform/onboarding-jobs";

  static Http.Response postCsv(String csv, String query) {
    return Http.send(
        Http.PLATFORM, JOBS + query, "text/csv", csv.getBytes(UTF_8), "POST", Http.operator());
  }

  static JsonObject awaitDone(long id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonObject job = null;
    while (Instant.now().isBefore(deadline)) {
      job = Http.get(Http.PLATFORM, JOBS + "/" + id, Http.operator()).json();
      if (job.getString("state").equals("DONE")) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Job " + id + " not done: " + job);
  }

  static Map<Integer, JsonObject> lines(long id, String query, String... headers) {
    Http.Response r =
        Http.get(Http.PLATFORM, JOBS + "/" + id + "/lines" + query, Http.operator(headers));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(l -> l.getInt("line"), l -> l));
  }

  static long count(String sql, Object... args) throws Exception {
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aCsvJobCreatesGoodLinesReportsBadOnesAndInvitesAdministrators() throws Exception {
    Commune invited = TestTowns.unusedCommune();
    Commune quiet = TestTowns.unusedCommune();
    Commune badEmail = TestTowns.unusedCommune();
    TestTowns.Town existing = TestTowns.onboard();
    String admin = "bulk-" + invited.inseeCode() + "@example.fr";
    String csv =
        String.join(
            "\n",
            "code_insee;email_admin",
            invited.inseeCode() + ";" + admin,
            quiet.inseeCode(),
            "12A45",
            "99999",
            "76102",
            quiet.inseeCode(),
            existing.commune().inseeCode(),
            badEmail.inseeCode() + ";not-an-address",
            "");
    Http.Response created = postCsv(csv, "?fileName=mairies.csv");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    assertThat(created.header("Location")).endsWith(JOBS + "/" + id);

    JsonObject job = awaitDone(id);
    assertThat(job.getInt("total")).isEqualTo(8);
    assertThat(job.getInt("processed")).isEqualTo(8);
    assertThat(job.getInt("created")).isEqualTo(2);
    assertThat(job.getInt("skipped")).isEqualTo(1);
    assertThat(job.getInt("failed")).isEqualTo(5);
    assertThat(job.getInt("percent")).isEqualTo(100);
    assertThat(job.getString("fileName")).isEqualTo("mairies.csv");

    Map<Integer, JsonObject> failed = lines(id, "?outcome=FAILED");
    assertThat(failed.keySet()).containsExactlyInAnyOrder(4, 5, 6, 7, 9);
    assertThat(failed.get(4).getString("problem")).isEqualTo("malformed-insee-code");
    assertThat(failed.get(5).getString("problem")).isEqualTo("unknown-insee-code");
    assertThat(failed.get(6).getString("problem")).isEqualTo("former-insee-code");
    assertThat(failed.get(6).getString("message")).contains("Le Havre").contains("76351");
    assertThat(failed.get(7).getString("problem")).isEqualTo("csv-duplicate-line");
    assertThat(failed.get(7).getString("message")).contains("ligne 3");
    assertThat(failed.get(9).getString("problem")).isEqualTo("csv-bad-email");
    Map<Integer, JsonObject> inEnglish = lines(id, "?outcome=FAILED", "Accept-Language", "en");
    assertThat(inEnglish.get(7).getString("message")).contains("already on line 3");
    Map<Integer, JsonObject> all = lines(id, "");
    assertThat(all.get(8).getString("outcome")).isEqualTo("SKIPPED");
    assertThat(all.get(8).getJsonNumber("townId").longValue()).isEqualTo(existing.id());
    assertThat(all.get(2).getString("outcome")).isEqualTo("CREATED");
    assertThat(all.get(3).getString("outcome")).isEqualTo("CREATED");

    // Nothing for refused lines: the town of the line with a bad e-mail was not created.
    assertThat(count("select count(*) from tenant where insee_code = ?", badEmail.inseeCode()))
        .isZero();
    assertThat(
            count(
                "select count(*) from tenant where insee_code = ?", existing.commune().inseeCode()))
        .isEqualTo(1);

    // The named administrator is invited, the town provisioned at once.
    assertThat(TestMail.awaitMessagesTo(admin)).isNotEmpty();
    String invitedSlug = slugOf(invited);
    assertThat(town(invitedSlug).getBoolean("provisioned")).isTrue();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (hasProblem(all.get(2)) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      all = lines(id, "");
    }
    assertThat(hasProblem(all.get(2))).as(all.get(2).toString()).isFalse();

    // The other one waits for its first visit, which gives it its catalogue.
    String quietSlug = slugOf(quiet);
    assertThat(town(quietSlug).getBoolean("provisioned")).isFalse();
    long quietId = town(quietSlug).getJsonNumber("id").longValue();
    assertThat(count("select count(*) from catalogue_procedure where tenant_id = ?", quietId))
        .isZero();
    long invitedId = town(invitedSlug).getJsonNumber("id").longValue();
    long invitedProcedures =
        count("select count(*) from catalogue_procedure where tenant_id = ?", invitedId);
    assertThat(invitedProcedures).isGreaterThan(40);
    Http.Response home = Http.get(Http.hostOf(quietSlug), "/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains(quiet.name()).contains("/demarches/");
    assertThat(town(quietSlug).getBoolean("provisioned")).isTrue();
    assertThat(count("select count(*) from catalogue_procedure where tenant_id = ?", quietId))
        .isGreaterThan(40);
    // Its first visit wrote its own rows only: the other town's catalogue is as it was.
    assertThat(count("select count(*) from catalogue_procedure where tenant_id = ?", invitedId))
        .isEqualTo(invitedProcedures);
  }

  @Test
  void anInterruptedJobResumesWithoutDuplicates() throws Exception {
    Commune a = TestTowns.unusedCommune();
    Commune b = TestTowns.unusedCommune();
    Http.Response created = postCsv(a.inseeCode() + "\n" + b.inseeCode() + "\n", "?start=false");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    assertThat(created.json().getString("state")).isEqualTo("PAUSED");
    assertThat(
            count(
                "select count(*) from tenant where insee_code in (?, ?)",
                a.inseeCode(),
                b.inseeCode()))
        .isZero();

    assertThat(
            Http.postJson(Http.PLATFORM, JOBS + "/" + id + "/resume", "", Http.operator()).status())
        .isEqualTo(200);
    assertThat(awaitDone(id).getInt("created")).isEqualTo(2);

    // A node dies after the towns were registered but (as if) before their lines were recorded.
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement s =
            c.prepareStatement(
                "update onboarding_job_line set outcome = 'PENDING', tenant_id = null where job_id = ?;"
                    + " update onboarding_job set state = 'RUNNING', processed = 0, created = 0,"
                    + " heartbeat_at = now() - interval '10 minutes', finished_at = null where id = ?")) {
      s.setLong(1, id);
      s.setLong(2, id);
      s.execute();
    }
    JsonObject shown = Http.get(Http.PLATFORM, JOBS + "/" + id, Http.operator()).json();
    assertThat(shown.getString("state")).isEqualTo("INTERRUPTED");
    assertThat(
            Http.postJson(Http.PLATFORM, JOBS + "/" + id + "/resume", "", Http.operator()).status())
        .isEqualTo(200);
    JsonObject done = awaitDone(id);
    assertThat(done.getInt("skipped")).isEqualTo(2);
    assertThat(done.getInt("created")).isZero();
    assertThat(
            count(
                "select count(*) from tenant where insee_code in (?, ?)",
                a.inseeCode(),
                b.inseeCode()))
        .isEqualTo(2);
    assertThat(lines(id, "?outcome=SKIPPED").values())
        .allSatisfy(l -> assertThat(l.getString("problem")).isEqualTo("town-already-onboarded"));

    Http.Response again =
        Http.postJson(Http.PLATFORM, JOBS + "/" + id + "/resume", "", Http.operator());
    Checks.assertProblem(again, 409, "onboarding-job-not-resumable");
    Http.Response pause =
        Http.postJson(Http.PLATFORM, JOBS + "/" + id + "/pause", "", Http.operator());
    Checks.assertProblem(pause, 409, "onboarding-job-not-running");
  }

  @Test
  void unreadableFilesAreRefusedWholeAndWriteNothing() throws Exception {
    long jobsBefore = count("select count(*) from onboarding_job");
    long townsBefore = count("select count(*) from tenant");
    Checks.assertProblem(postCsv("", ""), 422, "csv-empty");
    Checks.assertProblem(postCsv("code_insee;email\n# none\n", ""), 422, "csv-empty");
    Http.Response png =
        Http.send(
            Http.PLATFORM,
            JOBS,
            "text/csv",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0},
            "POST",
            Http.operator("Accept-Language", "en"));
    Checks.assertProblem(png, 422, "csv-not-text");
    assertThat(png.json().getString("title")).isEqualTo("Unreadable file");
    Checks.assertProblem(postCsv("01001\n", "?status=SUSPENDED"), 400, "bad-parameter");
    assertThat(count("select count(*) from onboarding_job")).isEqualTo(jobsBefore);
    assertThat(count("select count(*) from tenant")).isEqualTo(townsBefore);

    Checks.assertProblem(
        Http.get(Http.PLATFORM, JOBS + "/abc", Http.operator()), 404, "onboarding-job-not-found");
    Checks.assertProblem(
        Http.get(Http.PLATFORM, JOBS + "/987654321", Http.operator()),
        404,
        "onboarding-job-not-found");
    Checks.assertProblem(
        Http.get(Http.PLATFORM, JOBS + "/1/lines?outcome=LOST", Http.operator()),
        400,
        "bad-parameter");
  }

  @Test
  void theWholeOfficialListBecomesOneJob() throws Exception {
    Http.Response created =
        Http.postJson(Http.PLATFORM, JOBS + "/official-list?start=false", "", Http.operator());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject job = created.json();
    assertThat(job.getString("source")).isEqualTo("OFFICIAL_LIST");
    assertThat(job.getInt("total")).isEqualTo(34_969);
    assertThat(job.getString("state")).isEqualTo("PAUSED");
    long id = job.getJsonNumber("id").longValue();
    assertThat(
            count(
                "select count(*) from onboarding_job_line where job_id = ? and outcome = 'PENDING'",
                id))
        .isEqualTo(34_969);
    Map<Integer, JsonObject> first = lines(id, "?size=2");
    assertThat(first.get(1).getString("inseeCode")).isEqualTo("01001");
  }

  @Test
  void onlyOperatorsOnThePlatformHostReachJobs() {
    Checks.assertProblem(Http.get(Http.PLATFORM, JOBS), 401, "operator-token-missing");
    Checks.assertProblem(
        Http.send(Http.PLATFORM, JOBS, "text/csv", "01001\n".getBytes(UTF_8), "POST"),
        401,
        "operator-token-missing");
    Http.Response onATown = Http.get(Http.hostOf("le-havre"), JOBS, Http.operator());
    assertThat(onATown.status()).isIn(403, 404);
    assertThat(onATown.body()).doesNotContain("\"items\"");
  }

  static String slugOf(Commune c) {
    return TestTowns.slugOf(c);
  }

  static boolean hasProblem(JsonObject line) {
    return line.containsKey("problem") && !line.isNull("problem");
  }

  static JsonObject town(String slug) {
    Http.Response r = Http.get(Http.PLATFORM, "/api/v1/platform/towns/" + slug, Http.operator());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }
}
