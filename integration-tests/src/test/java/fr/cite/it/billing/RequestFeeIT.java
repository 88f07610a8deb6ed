package fr.cite.it.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.cite.devstack.stripe.StripeDouble;
import fr.cite.it.support.Browser;
import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestMail;
import fr.cite.it.support.TestStripe;
import fr.cite.it.support.TownStaff;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A request type's fee (the Lyon model's "payer en ligne"): set by the town's finance officer,
 * invoiced by the régie as the request is submitted (numbered in its invoice series, with its PDF),
 * paid by the citizen from the request's page through the same Checkout as an invoice, the request
 * going on (not closed by the payment); town B sees and changes none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestFeeIT extends CiteIntegrationTest {

  static final String TYPE =
      "{\"nameFr\":\"Réservation de salle\",\"nameEn\":\"Room booking\",\"service\":\"proprete\","
          + "\"anonymous\":false,\"form\":{\"fields\":[{\"name\":\"motif\",\"type\":\"TEXT\","
          + "\"label\":{\"fr\":\"Motif\"},\"required\":true}]}}";

  static BillingFixture a;
  static BillingFixture b;
  static StripeDouble stripe;
  static final String SLUG = "location-salle-fetes";
  static long typeA;
  static String reference;

  @BeforeAll
  static void setUp() throws Exception {
    TestKeycloak.awaitReady();
    stripe = TestStripe.get();
    a = new BillingFixture("fee-a");
    b = new BillingFixture("fee-b");
    typeA = roomBooking(a);
    roomBooking(b);
  }

  static long roomBooking(BillingFixture f) throws Exception {
    TownStaff.Member admin = TownStaff.member(f.town, "fee-admin", "TOWN_ADMIN");
    Http.Response r =
        Http.putJson(
            f.town.host(),
            "/api/v1/admin/requests/types/location-salle-fetes",
            TYPE,
            admin.bearer());
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
    try (Connection c = TestDatabase.asSuperuser()) {
      return Checks.count(
          c,
          "select id from request_type where slug = 'location-salle-fetes' and tenant_id = "
              + f.town.id());
    }
  }

  static Http.Response setFee(BillingFixture f, String type, String body) {
    return Http.putJson(
        f.town.host(), "/api/v1/desk/billing/request-fees/" + type, body, f.finance.bearer());
  }

  static Http.Response file(BillingFixture f) {
    return Http.postJson(
        f.town.host(),
        "/api/v1/requests",
        "{\"type\":\"location-salle-fetes\",\"values\":{\"motif\":\"Assemblée de l'amicale\"}}",
        f.parent.bearer());
  }

  static JsonObject fee(BillingFixture f, String ref) {
    Http.Response r =
        Http.get(f.town.host(), "/api/v1/requests/" + ref + "/fee", f.parent.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonObject("invoice");
  }

  @Test
  @Order(1)
  void theFinanceOfficerSetsAFeeAndSubmittingARequestIssuesItsInvoice() throws Exception {
    // Bad bodies and other towns' ids: clear problems, nothing written.
    Checks.assertProblem(
        setFee(a, SLUG, "{\"regieId\":" + a.regie + ",\"amountCents\":0,\"labelFr\":\"x\"}"),
        400,
        "invalid-request");
    Checks.assertProblem(
        setFee(a, SLUG, "{\"regieId\":" + b.regie + ",\"amountCents\":2500,\"labelFr\":\"x\"}"),
        404,
        "regie-not-found");
    Checks.assertProblem(
        setFee(
            a, "inconnue", "{\"regieId\":" + a.regie + ",\"amountCents\":2500,\"labelFr\":\"x\"}"),
        404,
        "request-type-not-found");
    // Before the fee, a request of the type has none.
    String free = file(a).json().getString("reference");
    Checks.assertProblem(
        Http.get(a.town.host(), "/api/v1/requests/" + free + "/fee", a.parent.bearer()),
        404,
        "request-fee-not-found");

    Http.Response set =
        setFee(
            a,
            SLUG,
            "{\"regieId\":"
                + a.regie
                + ",\"amountCents\":2500,\"labelFr\":\"Location de la salle des fêtes\","
                + "\"labelEn\":\"Village hall rental\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().getInt("amountCents")).isEqualTo(2500);
    assertThat(
            Http.get(a.town.host(), "/api/v1/desk/billing/request-fees", a.finance.bearer()).body())
        .contains("location-salle-fetes")
        .contains("Location de la salle des fêtes");

    Http.Response filed = file(a);
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    reference = filed.json().getString("reference");
    JsonObject invoice = fee(a, reference);
    assertThat(invoice.getString("number")).matches("F-[A-Z0-9-]+-\\d{4}-000001");
    assertThat(invoice.getInt("totalCents")).isEqualTo(2500);
    assertThat(invoice.getInt("remainingCents")).isEqualTo(2500);
    assertThat(invoice.getString("status")).isEqualTo("ISSUED");
    assertThat(invoice.getBoolean("payableOnline")).isFalse();
    Http.Response pdf =
        Http.get(a.town.host(), "/api/v1/requests/" + reference + "/fee/pdf", a.parent.bearer());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(TestMail.awaitMessagesTo(a.parent.email()))
        .anySatisfy(m -> assertThat(m.subject()).contains("Frais à régler").contains(reference));
    // Not online yet: the request's page says how to pay at the counter.
    Browser.Page page =
        a.parent
            .browser()
            .get("http://" + a.town.host() + ":" + Http.port() + "/compte/demandes/" + reference);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Frais à régler")
        .contains(invoice.getString("number"))
        .contains("guichet de la régie")
        .doesNotContain("payer-frais");
  }

  @Test
  @Order(2)
  void theCitizenPaysTheFeeOnlineAndTheRequestGoesOn() throws Exception {
    String account = a.onboardStripe(stripe);
    stripe.completeOnboarding(account);
    a.awaitChargesEnabled();
    assertThat(fee(a, reference).getBoolean("payableOnline")).isTrue();
    Browser.Page page =
        a.parent
            .browser()
            .get("http://" + a.town.host() + ":" + Http.port() + "/compte/demandes/" + reference);
    assertThat(page.body()).contains("payer-frais").contains("Payer en ligne 25,00");

    Http.Response checkout =
        Http.postJson(
            a.town.host(),
            "/api/v1/requests/" + reference + "/fee/checkout",
            "",
            a.parent.bearer());
    assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
    assertThat(checkout.json().getString("url")).startsWith(stripe.baseUrl() + "/checkout/");
    List<LoggedRequest> sessions =
        stripe.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    LoggedRequest s = sessions.get(sessions.size() - 1);
    assertThat(s.getHeader("Stripe-Account")).isEqualTo(account);
    String form = java.net.URLDecoder.decode(s.getBodyAsString(), StandardCharsets.UTF_8);
    assertThat(form)
        .contains("line_items[0][price_data][unit_amount]=2500")
        .contains("metadata[town]=" + a.town.id());

    stripe.pay(stripe.sessionIds().get(stripe.sessionIds().size() - 1), false);
    long deadline = System.currentTimeMillis() + 20_000;
    while (!fee(a, reference).getString("status").equals("PAID")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(fee(a, reference).getString("status")).isEqualTo("PAID");
    JsonObject paid =
        Http.get(a.town.host(), "/api/v1/requests/" + reference + "/fee", a.parent.bearer()).json();
    JsonObject payment = paid.getJsonArray("payments").getJsonObject(0);
    Http.Response receipt =
        Http.get(
            a.town.host(),
            "/api/v1/requests/"
                + reference
                + "/fee/receipts/"
                + payment.getJsonNumber("id")
                + "/pdf",
            a.parent.bearer());
    assertThat(receipt.status()).isEqualTo(200);
    assertThat(new String(receipt.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    // Paying again is refused; the request is not closed by its payment, and its agents see it.
    Checks.assertProblem(
        Http.postJson(
            a.town.host(),
            "/api/v1/requests/" + reference + "/fee/checkout",
            "",
            a.parent.bearer()),
        409,
        "invoice-already-paid");
    JsonObject request =
        Http.get(a.town.host(), "/api/v1/requests/" + reference, a.parent.bearer()).json();
    assertThat(request.getString("status")).isEqualTo("SUBMITTED");
    try (Connection c = TestDatabase.asSuperuser()) {
      assertThat(
              Checks.count(
                  c,
                  "select count(*) from demande_event e join demande d on d.id = e.demande_id"
                      + " where d.reference = '"
                      + reference
                      + "' and e.kind = 'NOTE' and e.text like 'Frais de 25,00 % payés en ligne%'"))
          .isEqualTo(1);
    }
    assertThat(TestMail.awaitMessagesTo(a.parent.email()))
        .anySatisfy(m -> assertThat(m.subject()).contains("Paiement reçu"));
    page =
        a.parent
            .browser()
            .get(
                "http://"
                    + a.town.host()
                    + ":"
                    + Http.port()
                    + "/compte/demandes/"
                    + reference
                    + "/frais/recus/"
                    + payment.getJsonNumber("id")
                    + ".pdf");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).startsWith("%PDF-");
    // The régie refunds part of it (the room was free on a public holiday): a credit note of its
    // series, belonging to the request as its fee does.
    Http.Response refund =
        Http.postJson(
            a.town.host(),
            "/api/v1/desk/billing/payments/" + payment.getJsonNumber("id") + "/refunds",
            "{\"amountCents\":1000,\"reason\":\"Salle prêtée gratuitement le jour férié\"}",
            a.finance.bearer());
    assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
    assertThat(refund.json().getString("creditNote")).matches("A-[A-Z0-9-]+-\\d{4}-000001");
    String portal = "http://" + a.town.host() + ":" + Http.port() + "/compte/demandes/" + reference;
    String body = a.parent.browser().get(portal).body();
    assertThat(body).contains(refund.json().getString("creditNote"));
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("/compte/demandes/[A-Z0-9-]+/frais/avoirs/\\d+\\.pdf")
            .matcher(body);
    assertThat(link.find()).isTrue();
    Browser.Page creditNote =
        a.parent.browser().get("http://" + a.town.host() + ":" + Http.port() + link.group());
    assertThat(creditNote.status()).isEqualTo(200);
    assertThat(creditNote.body()).startsWith("%PDF-");
  }

  @Test
  @Order(3)
  void townBSeesAndChangesNoneOfTownAsFees() throws Exception {
    // B's parent, B's finance officer and B's database role: none of A's fee.
    assertThat(
            Http.get(b.town.host(), "/api/v1/requests/" + reference + "/fee", b.parent.bearer())
                .status())
        .isEqualTo(404);
    assertThat(
            Http.postJson(
                    b.town.host(),
                    "/api/v1/requests/" + reference + "/fee/checkout",
                    "",
                    b.parent.bearer())
                .status())
        .isEqualTo(404);
    assertThat(
            Http.get(b.town.host(), "/api/v1/desk/billing/request-fees", b.finance.bearer()).body())
        .isEqualTo("[]");
    assertThat(
            Http.send(
                    b.town.host(),
                    "/api/v1/desk/billing/request-fees/" + SLUG,
                    "application/json",
                    new byte[0],
                    "DELETE",
                    b.finance.bearer())
                .status())
        .isEqualTo(404);
    assertThat(
            b.parent
                .browser()
                .get(
                    "http://"
                        + b.town.host()
                        + ":"
                        + Http.port()
                        + "/compte/demandes/"
                        + reference
                        + "/frais.pdf")
                .status())
        .isEqualTo(404);
    try (Connection c = TestDatabase.asApplication()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + b.town.id() + "', true)");
        for (String table : List.of("billing_request_fee", "billing_invoice", "payment")) {
          assertThat(
                  Checks.count(
                      c, "select count(*) from " + table + " where tenant_id = " + a.town.id()))
              .as(table)
              .isZero();
        }
        assertThat(
                Checks.count(
                    c, "select count(*) from billing_request_fee where request_type_id = " + typeA))
            .isZero();
      }
      c.rollback();
    }
    // A's fee is still there, and A's finance officer can remove it.
    assertThat(fee(a, reference).getString("status")).isEqualTo("PAID");
    assertThat(
            Http.send(
                    a.town.host(),
                    "/api/v1/desk/billing/request-fees/" + SLUG,
                    "application/json",
                    new byte[0],
                    "DELETE",
                    a.finance.bearer())
                .status())
        .isEqualTo(204);
    assertThat(
            Http.get(a.town.host(), "/api/v1/desk/billing/request-fees", a.finance.bearer()).body())
        .isEqualTo("[]");
  }
}
