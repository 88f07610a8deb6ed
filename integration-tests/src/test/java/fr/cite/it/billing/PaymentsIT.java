package fr.cite.it.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.cite.devstack.stripe.StripeDouble;
import fr.cite.devstack.stripe.StripeSignature;
import fr.cite.it.support.Checks;
import fr.cite.it.support.CiteIntegrationTest;
import fr.cite.it.support.Http;
import fr.cite.it.support.TestDatabase;
import fr.cite.it.support.TestKeycloak;
import fr.cite.it.support.TestStripe;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Online payment through the local Stripe double: a régie onboarded onto Connect (its state from
 * {@code account.updated}), a Checkout as a direct charge on the town's own account with a stable
 * idempotency key (the double answering 500 then 200), the whole balance only, one open attempt;
 * webhooks replayed and shuffled giving one payment, forged or foreign ones refused with nothing
 * changed, a rotated secret still accepted, SEPA's delayed success arriving before its completion.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentsIT extends CiteIntegrationTest {

  static BillingFixture a;
  static BillingFixture b;
  static StripeDouble stripe;
  static long invoiceA;
  static long totalA;
  static long invoiceB;
  static long totalB;
  static String accountA;
  static String accountB;

  @BeforeAll
  static void setUp() throws Exception {
    TestKeycloak.awaitReady();
    stripe = TestStripe.get();
    a = new BillingFixture("pay-a");
    b = new BillingFixture("pay-b");
    for (BillingFixture f : List.of(a, b)) {
      f.bookMonth(BillingFixture.month(-1));
      long run = f.startRun(BillingFixture.month(-1)).getJsonNumber("id").longValue();
      f.awaitRun(run, "DRAFT", 60_000);
      f.issue(run);
    }
    JsonObject ia = a.invoicesOfParent().get(0);
    invoiceA = ia.getJsonNumber("id").longValue();
    totalA = ia.getJsonNumber("totalCents").longValue();
    JsonObject ib = b.invoicesOfParent().get(0);
    invoiceB = ib.getJsonNumber("id").longValue();
    totalB = ib.getJsonNumber("totalCents").longValue();
  }

  static String onboard(BillingFixture f) {
    return f.onboardStripe(stripe);
  }

  static JsonObject regie(BillingFixture f) {
    return f.regieView();
  }

  static void awaitChargesEnabled(BillingFixture f) throws InterruptedException {
    f.awaitChargesEnabled();
  }

  static Http.Response checkout(BillingFixture f, long invoice, long cents) {
    return Http.postJson(
        f.town.host(),
        "/api/v1/family/billing/invoices/" + invoice + "/checkout",
        "{\"amountCents\":" + cents + "}",
        f.parent.bearer());
  }

  static long count(String sql) throws Exception {
    try (Connection c = TestDatabase.asSuperuser()) {
      return Checks.count(c, sql);
    }
  }

  static String invoiceStatus(BillingFixture f, long invoice) {
    return Http.get(f.town.host(), "/api/v1/family/billing/invoices/" + invoice, f.parent.bearer())
        .json()
        .getJsonObject("invoice")
        .getString("status");
  }

  static void awaitInvoice(BillingFixture f, long invoice, String status) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!invoiceStatus(f, invoice).equals(status) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(invoiceStatus(f, invoice)).isEqualTo(status);
  }

  @Test
  @Order(1)
  void aRegieOnboardsOntoConnectAndPayOnlineAppearsOnlyOnceChargesAreEnabled() throws Exception {
    accountA = onboard(a);
    // A second click makes no second account (same idempotency key at Stripe, and kept here).
    assertThat(onboard(a)).isEqualTo(accountA);
    List<LoggedRequest> created =
        stripe.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/accounts")));
    assertThat(created)
        .filteredOn(
            r -> r.getHeader("Idempotency-Key").equals("acct-" + a.town.id() + "-" + a.regie))
        .hasSize(1);
    assertThat(regie(a).getBoolean("chargesEnabled")).isFalse();
    assertThat(a.invoicesOfParent().get(0).getBoolean("payableOnline")).isFalse();
    Checks.assertProblem(checkout(a, invoiceA, totalA), 409, "payment-online-unavailable");
    stripe.completeOnboarding(accountA);
    awaitChargesEnabled(a);
    assertThat(regie(a).getBoolean("payoutsEnabled")).isTrue();
    assertThat(a.invoicesOfParent().get(0).getBoolean("payableOnline")).isTrue();
    accountB = onboard(b);
    stripe.completeOnboarding(accountB);
    awaitChargesEnabled(b);
  }

  @Test
  @Order(2)
  void checkoutIsADirectChargeOnTheTownsAccountForTheWholeBalance() {
    Checks.assertProblem(checkout(a, invoiceA, totalA - 1), 422, "payment-partial-refused");
    Http.Response first = checkout(a, invoiceA, totalA);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    String url = first.json().getString("url");
    assertThat(url).startsWith(stripe.baseUrl() + "/checkout/cs_test_");
    // One open attempt: asking again gives the same page.
    assertThat(checkout(a, invoiceA, totalA).json().getString("url")).isEqualTo(url);
    List<LoggedRequest> sessions =
        stripe.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    LoggedRequest s = sessions.get(sessions.size() - 1);
    assertThat(s.getHeader("Stripe-Account")).isEqualTo(accountA);
    assertThat(s.getHeader("Idempotency-Key")).startsWith("att_");
    String form =
        java.net.URLDecoder.decode(s.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(form)
        .contains("mode=payment")
        .contains("line_items[0][price_data][unit_amount]=" + totalA)
        .contains("line_items[0][price_data][currency]=eur")
        .contains("metadata[town]=" + a.town.id())
        .contains("payment_method_types[0]=card");
    // Another household's invoice is not found; B's parent cannot pay A's invoice.
    assertThat(checkout(b, invoiceA, totalA).status()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void webhooksReplayedAndShuffledMakeOnePayment() throws Exception {
    String session = stripe.sessionIds().get(stripe.sessionIds().size() - 1);
    stripe.holdWebhooks(true);
    List<String> paid;
    try {
      paid = stripe.pay(session, false);
    } finally {
      stripe.holdWebhooks(false);
    }
    String completed = paid.get(0);
    // An "expired" event about the same session arriving after its completion.
    String expired =
        stripe.event("checkout.session.expired", accountA, stripe.sessionObject(session));
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      all.add(completed);
      all.add(expired);
    }
    Collections.shuffle(all, new Random(7));
    for (String e : all) {
      assertThat(stripe.deliver(e)).isEqualTo(200);
    }
    awaitInvoice(a, invoiceA, "PAID");
    Thread.sleep(1_000);
    assertThat(count("select count(*) from payment where tenant_id = " + a.town.id())).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from payment_event where tenant_id = "
                    + a.town.id()
                    + " and type like 'checkout.session.%'"))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from payment_attempt where tenant_id = "
                    + a.town.id()
                    + " and status = 'SUCCEEDED'"))
        .isEqualTo(1);
    // Paid: the request is done, a receipt is there, paying again is refused.
    JsonObject detail =
        Http.get(a.town.host(), "/api/v1/family/billing/invoices/" + invoiceA, a.parent.bearer())
            .json();
    JsonObject payment = detail.getJsonArray("payments").getJsonObject(0);
    assertThat(payment.getString("receipt")).matches("R-[A-Z0-9-]+-\\d{4}-000001");
    Http.Response receipt =
        Http.get(
            a.town.host(),
            "/api/v1/family/billing/receipts/" + payment.getJsonNumber("id") + "/pdf",
            a.parent.bearer());
    assertThat(receipt.status()).isEqualTo(200);
    assertThat(new String(receipt.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    Checks.assertProblem(checkout(a, invoiceA, totalA), 409, "invoice-already-paid");
    assertThat(
            Http.get(a.town.host(), "/api/v1/requests/mine?status=DONE", a.parent.bearer()).body())
        .contains("Facture à payer");
  }

  @Test
  @Order(4)
  void forgedStaleOrForeignWebhooksAreRefusedAndChangeNothing() throws Exception {
    String session = stripe.sessionIds().get(stripe.sessionIds().size() - 1);
    String event =
        stripe.event("checkout.session.completed", accountA, stripe.sessionObject(session));
    long now = Instant.now().getEpochSecond();
    long before = count("select count(*) from payment_event");
    List<Integer> statuses = new ArrayList<>();
    statuses.add(stripe.deliver(event, StripeSignature.header(event, "whsec_wrong", now)));
    statuses.add(
        stripe.deliver(
            event.replaceFirst("\"livemode\":false", "\"livemode\":true"),
            StripeSignature.header(event, TestStripe.CURRENT_SECRET, now)));
    statuses.add(
        stripe.deliver(event, StripeSignature.header(event, TestStripe.CURRENT_SECRET, now - 301)));
    statuses.add(stripe.deliver(event, "t=" + now));
    statuses.add(stripe.deliver(event, ""));
    String unknown =
        stripe.event("checkout.session.completed", "acct_unknown", stripe.sessionObject(session));
    statuses.add(stripe.deliver(unknown));
    // Town B's account carrying town A's invoice: the town is B's, and the metadata says A.
    String foreign =
        stripe.event("checkout.session.completed", accountB, stripe.sessionObject(session));
    statuses.add(stripe.deliver(foreign));
    assertThat(statuses).allMatch(s -> s == 400);
    assertThat(count("select count(*) from payment_event")).isEqualTo(before);
    // The previous secret of a rotation is still accepted.
    String fresh =
        stripe.event(
            "account.updated",
            accountA,
            Json.createObjectBuilder().add("id", accountA).add("object", "account").build());
    assertThat(
            stripe.deliver(fresh, StripeSignature.header(fresh, TestStripe.PREVIOUS_SECRET, now)))
        .isEqualTo(200);
    assertThat(count("select count(*) from payment_event")).isEqualTo(before + 1);
  }

  @Test
  @Order(5)
  void aRetriedCallKeepsItsIdempotencyKeyAndSepaSuccessMayArriveFirst() throws Exception {
    stripe
        .wireMock()
        .stubFor(
            post(urlEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Try again\"}}"))
                .willSetStateTo("recovered"));
    int before =
        stripe.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))).size();
    Http.Response r = checkout(b, invoiceB, totalB);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<LoggedRequest> calls =
        stripe.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    List<LoggedRequest> mine = calls.subList(before, calls.size());
    assertThat(mine).hasSize(2);
    assertThat(mine).allMatch(c -> c.getHeader("Stripe-Account").equals(accountB));
    assertThat(mine.get(1).getHeader("Idempotency-Key"))
        .isEqualTo(mine.get(0).getHeader("Idempotency-Key"));
    // SEPA: "async_payment_succeeded" delivered before "completed".
    String session =
        URI.create(r.json().getString("url")).getPath().substring("/checkout/".length());
    stripe.holdWebhooks(true);
    List<String> events;
    try {
      events = stripe.pay(session, true);
    } finally {
      stripe.holdWebhooks(false);
    }
    assertThat(stripe.deliver(events.get(1))).isEqualTo(200);
    assertThat(stripe.deliver(events.get(0))).isEqualTo(200);
    awaitInvoice(b, invoiceB, "PAID");
    assertThat(count("select count(*) from payment where tenant_id = " + b.town.id())).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from payment where tenant_id = "
                    + b.town.id()
                    + " and method = 'SEPA_DEBIT'"))
        .isEqualTo(1);
  }

  @Test
  @Order(6)
  void aFinanceOfficerRefundsPartOfAPaymentWithACreditNote() throws Exception {
    JsonObject detail =
        Http.get(a.town.host(), "/api/v1/desk/billing/invoices/" + invoiceA, a.finance.bearer())
            .json();
    long payment = detail.getJsonArray("payments").getJsonObject(0).getJsonNumber("id").longValue();
    Checks.assertProblem(
        Http.postJson(
            a.town.host(),
            "/api/v1/desk/billing/payments/" + payment + "/refunds",
            "{\"amountCents\":" + (totalA + 1) + ",\"reason\":\"Trop\"}",
            a.finance.bearer()),
        422,
        "refund-too-much");
    // Town B's officer does not find A's payment.
    Checks.assertProblem(
        Http.postJson(
            b.town.host(),
            "/api/v1/desk/billing/payments/" + payment + "/refunds",
            "{\"amountCents\":100,\"reason\":\"Intrus\"}",
            b.finance.bearer()),
        404,
        "payment-not-found");
    Http.Response r =
        Http.postJson(
            a.town.host(),
            "/api/v1/desk/billing/payments/" + payment + "/refunds",
            "{\"amountCents\":420,\"reason\":\"Repas du 12 non servi (grève)\"}",
            a.finance.bearer());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("creditNote")).matches("A-[A-Z0-9-]+-\\d{4}-000001");
    assertThat(r.json().getString("status")).isEqualTo("SUCCEEDED");
    List<LoggedRequest> refunds =
        stripe.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/refunds")));
    // The double serves the whole test run: the last refund asked is this one.
    LoggedRequest refund = refunds.get(refunds.size() - 1);
    assertThat(refund.getHeader("Stripe-Account")).isEqualTo(accountA);
    assertThat(refund.getHeader("Idempotency-Key")).startsWith("ref_");
    assertThat(refund.getBodyAsString()).contains("amount=420");
    // The invoice stays settled: less paid, as much credited; the family sees the credit note.
    JsonObject invoice =
        Http.get(a.town.host(), "/api/v1/family/billing/invoices/" + invoiceA, a.parent.bearer())
            .json()
            .getJsonObject("invoice");
    assertThat(invoice.getString("status")).isEqualTo("PAID");
    assertThat(invoice.getJsonNumber("paidCents").longValue()).isEqualTo(totalA - 420);
    assertThat(invoice.getJsonNumber("remainingCents").longValue()).isZero();
    assertThat(a.invoicesOfParent())
        .anyMatch(
            i ->
                i.getString("kind").equals("CREDIT_NOTE")
                    && i.getJsonNumber("totalCents").longValue() == 420);
    // The régie's takings of the month: the payment and what was refunded.
    String month = java.time.YearMonth.now(BillingFixture.PARIS).toString();
    JsonObject day =
        Http.get(
                a.town.host(),
                "/api/v1/desk/billing/regies/" + a.regie + "/takings?month=" + month,
                a.finance.bearer())
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    assertThat(day.getJsonNumber("cents").longValue()).isEqualTo(totalA);
    assertThat(day.getJsonNumber("refundedCents").longValue()).isEqualTo(420);
  }
}
