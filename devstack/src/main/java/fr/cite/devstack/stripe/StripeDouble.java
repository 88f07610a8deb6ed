package fr.cite.devstack.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A local Stripe for tests and the local platform: WireMock answering the part of Stripe's API the
 * platform uses (connected accounts, account links, Checkout sessions, events) with objects shaped
 * like Stripe's own fixtures (MIT, {@code fixtures.json} beside this class), keeping state in
 * memory, replaying a POST with a known {@code Idempotency-Key} as Stripe does, and answering 404
 * for an object asked on another account than its own ({@code Stripe-Account}).
 *
 * <p>It also serves the pages a person sees at Stripe: the Connect onboarding page (one button
 * completes the account) and the Checkout page (pay, or a card refused); both then send the
 * webhooks Stripe would send, signed like Stripe's ({@link StripeSignature}), to the platform's
 * endpoint. WireMock's journal keeps every request, for tests to check headers and bodies.
 */
public final class StripeDouble implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StripeDouble.class.getName());

  /** API version the double claims (stripe-java 33.3.0's). */
  public static final String API_VERSION = "2026-07-29.dahlia";

  private final WireMockServer server;
  private final String webhookUrl;
  private final String webhookHost;
  private volatile String webhookSecret;
  private final JsonObject fixtures;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ExecutorService deliveries =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "stripe-double-webhooks");
            t.setDaemon(true);
            return t;
          });

  private final AtomicLong ids = new AtomicLong(1000);
  private final Map<String, Map<String, Object>> accounts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
  private final Map<String, String[]> idempotent = new ConcurrentHashMap<>();
  private final Map<String, long[]> intents = new ConcurrentHashMap<>();
  private final Map<String, String> intentAccounts = new ConcurrentHashMap<>();

  /**
   * @param port 0 for any free port
   * @param webhookUrl where events are posted (the platform's Connect endpoint), or null
   * @param webhookHost the Host header to send them with (null: the URL's)
   * @param webhookSecret the endpoint's signing secret ({@code whsec_…})
   */
  public StripeDouble(int port, String webhookUrl, String webhookHost, String webhookSecret) {
    this(port, webhookUrl, webhookHost, webhookSecret, false);
  }

  /**
   * @param journal keep WireMock's journal of every request (tests assert on headers and bodies)
   */
  public StripeDouble(int port, String url, String host, String secret, boolean journal) {
    this.webhookUrl = url;
    this.webhookHost = host;
    this.webhookSecret = secret;
    try (InputStream in = StripeDouble.class.getResourceAsStream("fixtures.json")) {
      this.fixtures = Json.createReader(in).readObject().getJsonObject("resources");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    var options = options().port(port).bindAddress("127.0.0.1").extensions(new Behaviour());
    if (!journal) {
      options.disableRequestJournal();
    }
    server = new WireMockServer(options);
    server.start();
    server.stubFor(
        any(urlPathMatching("/.*"))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(Behaviour.NAME)));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The WireMock server (its journal, and stubs of higher priority to inject failures). */
  public WireMockServer wireMock() {
    return server;
  }

  private volatile boolean holding;

  /** Keeps events from being delivered (they are still recorded): a test delivers them itself. */
  public void holdWebhooks(boolean hold) {
    this.holding = hold;
  }

  /** A session as Stripe would return it now. */
  public JsonObject sessionObject(String id) {
    return sessionJson(sessions.get(id));
  }

  /** Completes an account's onboarding (charges and payouts enabled) and sends account.updated. */
  public String completeOnboarding(String accountId) {
    Map<String, Object> a = accounts.get(accountId);
    a.put("charges_enabled", true);
    a.put("payouts_enabled", true);
    a.put("details_submitted", true);
    return send(event("account.updated", accountId, accountJson(a)));
  }

  /** Pays a session (card, or SEPA: complete but unpaid, then succeeded); its event payloads. */
  public List<String> pay(String sessionId, boolean sepa) {
    Map<String, Object> s = sessions.get(sessionId);
    String account = (String) s.get("_account");
    s.put("status", "complete");
    String intent = "pi_" + ids.incrementAndGet();
    s.put("payment_intent", intent);
    intents.put(intent, new long[] {((Number) s.get("amount_total")).longValue(), 0});
    intentAccounts.put(intent, account);
    List<String> events = new ArrayList<>();
    if (sepa) {
      s.put("payment_status", "unpaid");
      s.put("payment_method_types", List.of("sepa_debit"));
      events.add(send(event("checkout.session.completed", account, sessionJson(s))));
      s.put("payment_status", "paid");
      events.add(send(event("checkout.session.async_payment_succeeded", account, sessionJson(s))));
    } else {
      s.put("payment_status", "paid");
      s.put("payment_method_types", List.of("card"));
      events.add(send(event("checkout.session.completed", account, sessionJson(s))));
    }
    return events;
  }

  /** The sessions created so far, newest last. */
  public List<String> sessionIds() {
    return sessions.values().stream()
        .sorted(java.util.Comparator.comparing(m -> ((Number) m.get("created")).longValue()))
        .map(m -> (String) m.get("id"))
        .toList();
  }

  /** An event of an account about an object, as Stripe shapes it (not sent). */
  public String event(String type, String account, JsonObject object) {
    JsonObjectBuilder b = Json.createObjectBuilder(fixtures.getJsonObject("event"));
    b.add("id", "evt_" + ids.incrementAndGet());
    b.add("type", type);
    b.add("account", account);
    b.add("api_version", API_VERSION);
    b.add("created", Instant.now().getEpochSecond());
    b.add("livemode", false);
    b.add("pending_webhooks", 1);
    b.add("data", Json.createObjectBuilder().add("object", object));
    b.add("request", Json.createObjectBuilder().addNull("id").addNull("idempotency_key"));
    return b.build().toString();
  }

  /** Signs and posts a payload to the platform's endpoint now; the HTTP status it answered. */
  public int deliver(String payload) {
    return deliver(
        payload, StripeSignature.header(payload, webhookSecret, Instant.now().getEpochSecond()));
  }

  public int deliver(String payload, String signatureHeader) {
    try {
      HttpRequest.Builder r =
          HttpRequest.newBuilder(URI.create(webhookUrl))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json; charset=utf-8")
              .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
              .header("Stripe-Signature", signatureHeader)
              .POST(HttpRequest.BodyPublishers.ofString(payload));
      if (webhookHost != null) {
        r.header("Host", webhookHost);
      }
      return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Records and delivers in the background (as Stripe does, after the page answered). */
  private String send(String payload) {
    if (webhookUrl != null && !holding) {
      deliveries.submit(
          () -> {
            int status = deliver(payload);
            if (status / 100 != 2) {
              LOG.warning("Webhook answered " + status);
            }
          });
    }
    return payload;
  }

  @Override
  public void close() {
    deliveries.shutdownNow();
    server.stop();
  }

  // --- Objects -------------------------------------------------------------------------------

  JsonObject accountJson(Map<String, Object> a) {
    JsonObjectBuilder b = Json.createObjectBuilder(fixtures.getJsonObject("account"));
    a.forEach((k, v) -> put(b, k, v));
    return b.build();
  }

  JsonObject sessionJson(Map<String, Object> s) {
    JsonObjectBuilder b = Json.createObjectBuilder(fixtures.getJsonObject("checkout.session"));
    s.forEach((k, v) -> put(b, k, v));
    return b.build();
  }

  @SuppressWarnings("unchecked")
  static void put(JsonObjectBuilder b, String k, Object v) {
    if (k.startsWith("_")) {
      return;
    }
    if (v == null) {
      b.addNull(k);
    } else if (v instanceof Boolean x) {
      b.add(k, x);
    } else if (v instanceof Number n) {
      b.add(k, n.longValue());
    } else if (v instanceof Map<?, ?> m) {
      JsonObjectBuilder o = Json.createObjectBuilder();
      ((Map<String, Object>) m).forEach((mk, mv) -> put(o, mk, mv));
      b.add(k, o);
    } else if (v instanceof List<?> l) {
      var a = Json.createArrayBuilder();
      l.forEach(x -> a.add(String.valueOf(x)));
      b.add(k, a);
    } else {
      b.add(k, v.toString());
    }
  }

  // --- HTTP ----------------------------------------------------------------------------------

  final class Behaviour implements ResponseDefinitionTransformerV2 {
    static final String NAME = "stripe-double";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request r = event.getRequest();
      try {
        return route(r);
      } catch (RuntimeException e) {
        LOG.warning("Stripe double failed on " + r.getUrl() + ": " + e);
        return json(500, error("api_error", "The double failed: " + e.getMessage()));
      }
    }
  }

  ResponseDefinition route(Request r) {
    String path = URI.create(r.getUrl()).getPath();
    String method = r.getMethod().getName();
    if (path.startsWith("/v1/")) {
      if (!r.containsHeader("Authorization")
          || !r.getHeader("Authorization").startsWith("Bearer sk_")) {
        return json(401, error("invalid_request_error", "You did not provide an API key."));
      }
      String key = r.containsHeader("Idempotency-Key") ? r.getHeader("Idempotency-Key") : null;
      if ("POST".equals(method) && key != null) {
        String[] seen = idempotent.get(key);
        if (seen != null) {
          if (!seen[0].equals(r.getBodyAsString())) {
            return json(
                400,
                error(
                    "idempotency_error",
                    "Keys for idempotent requests can only be used with the same parameters they were first used with."));
          }
          return raw(Integer.parseInt(seen[1]), seen[2], true);
        }
      }
      ResponseDefinition out = api(r, method, path);
      if ("POST".equals(method) && key != null && out.getStatus() < 500) {
        idempotent.put(
            key,
            new String[] {r.getBodyAsString(), Integer.toString(out.getStatus()), out.getBody()});
      }
      return out;
    }
    return pages(r, method, path);
  }

  ResponseDefinition api(Request r, String method, String path) {
    Map<String, String> form = form(r.getBodyAsString());
    String account = r.containsHeader("Stripe-Account") ? r.getHeader("Stripe-Account") : null;
    if ("POST".equals(method) && path.equals("/v1/accounts")) {
      String id = "acct_" + Long.toString(ids.incrementAndGet(), 36) + "double";
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("id", id);
      a.put("object", "account");
      a.put("country", form.getOrDefault("country", "FR"));
      a.put("email", form.get("email"));
      a.put("charges_enabled", false);
      a.put("payouts_enabled", false);
      a.put("details_submitted", false);
      a.put("created", Instant.now().getEpochSecond());
      a.put("type", "standard");
      a.put("business_profile", Map.of("name", form.getOrDefault("business_profile[name]", "")));
      a.put("metadata", prefixed(form, "metadata"));
      accounts.put(id, a);
      return json(200, accountJson(a).toString());
    }
    if ("GET".equals(method) && path.startsWith("/v1/accounts/")) {
      Map<String, Object> a = accounts.get(path.substring("/v1/accounts/".length()));
      return a == null ? missing("account") : json(200, accountJson(a).toString());
    }
    if ("POST".equals(method) && path.equals("/v1/account_links")) {
      String acct = form.get("account");
      if (!accounts.containsKey(acct)) {
        return missing("account");
      }
      long now = Instant.now().getEpochSecond();
      JsonObject link =
          Json.createObjectBuilder(fixtures.getJsonObject("account_link"))
              .add("created", now)
              .add("expires_at", now + 300)
              .add(
                  "url",
                  baseUrl()
                      + "/connect/onboarding/"
                      + acct
                      + "?return="
                      + enc(form.get("return_url"))
                      + "&refresh="
                      + enc(form.get("refresh_url")))
              .build();
      return json(200, link.toString());
    }
    if ("POST".equals(method) && path.equals("/v1/checkout/sessions")) {
      if (account == null || !accounts.containsKey(account)) {
        return json(
            400,
            error(
                "invalid_request_error",
                "A direct charge needs a connected account (Stripe-Account)."));
      }
      if (!Boolean.TRUE.equals(accounts.get(account).get("charges_enabled"))) {
        return json(
            400,
            error("invalid_request_error", "This account cannot currently make live charges."));
      }
      String id = "cs_test_" + Long.toString(ids.incrementAndGet(), 36) + "double";
      long amount =
          Long.parseLong(form.getOrDefault("line_items[0][price_data][unit_amount]", "0"));
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", id);
      s.put("object", "checkout.session");
      s.put("_account", account);
      s.put("mode", form.get("mode"));
      s.put("status", "open");
      s.put("payment_status", "unpaid");
      s.put("amount_total", amount);
      s.put("amount_subtotal", amount);
      s.put("currency", form.getOrDefault("line_items[0][price_data][currency]", "eur"));
      s.put("client_reference_id", form.get("client_reference_id"));
      s.put("success_url", form.get("success_url"));
      s.put("cancel_url", form.get("cancel_url"));
      s.put(
          "expires_at",
          Long.parseLong(
              form.getOrDefault(
                  "expires_at", Long.toString(Instant.now().getEpochSecond() + 86400))));
      s.put("created", Instant.now().getEpochSecond() * 1000 + ids.incrementAndGet() % 1000);
      s.put("locale", form.get("locale"));
      s.put("metadata", prefixed(form, "metadata"));
      s.put("payment_method_types", listed(form, "payment_method_types"));
      s.put("payment_intent", null);
      s.put("_label", form.getOrDefault("line_items[0][price_data][product_data][name]", ""));
      s.put("url", baseUrl() + "/checkout/" + id);
      sessions.put(id, s);
      JsonObject out = sessionJson(s);
      // "created" is in seconds at Stripe.
      return json(
          200,
          Json.createObjectBuilder(out)
              .add("created", Instant.now().getEpochSecond())
              .build()
              .toString());
    }
    if ("POST".equals(method) && path.equals("/v1/refunds")) {
      String intent = form.get("payment_intent");
      long[] paid = intent == null ? null : intents.get(intent);
      if (paid == null || !intentAccounts.get(intent).equals(account)) {
        return missing("payment_intent");
      }
      long amount = Long.parseLong(form.getOrDefault("amount", Long.toString(paid[0] - paid[1])));
      if (amount <= 0 || paid[1] + amount > paid[0]) {
        return json(
            400,
            error(
                "invalid_request_error",
                "Refund amount is greater than unrefunded amount on charge."));
      }
      paid[1] += amount;
      String id = "re_" + Long.toString(ids.incrementAndGet(), 36) + "double";
      JsonObject refund =
          Json.createObjectBuilder(fixtures.getJsonObject("refund"))
              .add("id", id)
              .add("amount", amount)
              .add("currency", "eur")
              .add("payment_intent", intent)
              .add("status", "succeeded")
              .add("created", Instant.now().getEpochSecond())
              .build();
      send(event("refund.created", account, refund));
      return json(200, refund.toString());
    }
    if (path.startsWith("/v1/checkout/sessions/")) {
      String rest = path.substring("/v1/checkout/sessions/".length());
      boolean expire = rest.endsWith("/expire");
      String id = expire ? rest.substring(0, rest.length() - "/expire".length()) : rest;
      Map<String, Object> s = sessions.get(id);
      if (s == null || !s.get("_account").equals(account)) {
        return missing("checkout.session");
      }
      if (expire && "POST".equals(method)) {
        if (!"open".equals(s.get("status"))) {
          return json(400, error("invalid_request_error", "Only open sessions can be expired."));
        }
        s.put("status", "expired");
        send(event("checkout.session.expired", account, sessionJson(s)));
      }
      return json(200, sessionJson(s).toString());
    }
    return json(
        404,
        error("invalid_request_error", "Unrecognized request URL (" + method + ": " + path + ")."));
  }

  ResponseDefinition pages(Request r, String method, String path) {
    Map<String, String> query =
        form(Optional.ofNullable(URI.create(r.getUrl()).getRawQuery()).orElse(""));
    if (path.startsWith("/connect/onboarding/")) {
      String rest = path.substring("/connect/onboarding/".length());
      boolean complete = rest.endsWith("/complete");
      String acct = complete ? rest.substring(0, rest.length() - "/complete".length()) : rest;
      Map<String, Object> a = accounts.get(acct);
      if (a == null) {
        return html(404, "<p>Compte inconnu.</p>");
      }
      if (complete && "POST".equals(method)) {
        completeOnboarding(acct);
        return redirect(form(r.getBodyAsString()).get("return"));
      }
      return html(
          200,
          "<h1>Stripe (double local) — activer le compte</h1>"
              + "<p>Compte connecté <code>"
              + esc(acct)
              + "</code> — "
              + esc(String.valueOf(((Map<?, ?>) a.get("business_profile")).get("name")))
              + "</p>"
              + "<p>Sur Stripe, la régie saisirait ici son SIRET, son représentant et l'IBAN du compte de dépôt de fonds.</p>"
              + "<form method=\"post\" action=\"/connect/onboarding/"
              + esc(acct)
              + "/complete\">"
              + "<input type=\"hidden\" name=\"return\" value=\""
              + esc(query.get("return"))
              + "\">"
              + "<button type=\"submit\">Activer le compte</button></form>");
    }
    if (path.startsWith("/checkout/")) {
      String[] parts = path.substring("/checkout/".length()).split("/");
      Map<String, Object> s = sessions.get(parts[0]);
      if (s == null) {
        return html(404, "<p>Session de paiement inconnue.</p>");
      }
      if ("POST".equals(method) && parts.length == 2) {
        if (!"open".equals(s.get("status"))) {
          return html(410, "<p>Cette page de paiement a expiré ou a déjà servi.</p>");
        }
        switch (parts[1]) {
          case "pay" -> {
            pay(parts[0], false);
            return redirect((String) s.get("success_url"));
          }
          case "sepa" -> {
            pay(parts[0], true);
            return redirect((String) s.get("success_url"));
          }
          default -> {
            return redirect((String) s.get("cancel_url"));
          }
        }
      }
      long amount = ((Number) s.get("amount_total")).longValue();
      @SuppressWarnings("unchecked")
      boolean sepa = ((List<String>) s.get("payment_method_types")).contains("sepa_debit");
      String euros = String.format(java.util.Locale.FRANCE, "%,.2f €", amount / 100.0);
      return html(
          200,
          "<h1>Paiement (Stripe, double local)</h1>"
              + "<p>"
              + esc((String) s.get("_label"))
              + "</p>"
              + "<p class=\"amount\">Montant : <strong>"
              + esc(euros)
              + "</strong></p>"
              + "<form method=\"post\" action=\"/checkout/"
              + esc(parts[0])
              + "/pay\">"
              + "<label for=\"card\">Carte</label> <input id=\"card\" value=\"4242 4242 4242 4242\" readonly>"
              + " <button type=\"submit\" id=\"pay\">Payer "
              + esc(euros)
              + "</button></form>"
              + (sepa
                  ? "<form method=\"post\" action=\"/checkout/"
                      + esc(parts[0])
                      + "/sepa\"><button type=\"submit\" id=\"sepa\">Payer par prélèvement SEPA</button></form>"
                  : "")
              + "<form method=\"post\" action=\"/checkout/"
              + esc(parts[0])
              + "/cancel\"><button type=\"submit\" id=\"cancel\">Annuler et revenir</button></form>");
    }
    return html(404, "<p>Page inconnue du double Stripe.</p>");
  }

  // --- Helpers -------------------------------------------------------------------------------

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  static Map<String, Object> prefixed(Map<String, String> form, String name) {
    Map<String, Object> out = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith(name + "[")
              && k.endsWith("]")
              && k.indexOf('[', name.length() + 1) < 0) {
            out.put(k.substring(name.length() + 1, k.length() - 1), v);
          }
        });
    return out;
  }

  static List<String> listed(Map<String, String> form, String name) {
    List<String> out = new ArrayList<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith(name + "[")) {
            out.add(v);
          }
        });
    return out;
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String error(String type, String message) {
    return Json.createObjectBuilder()
        .add("error", Json.createObjectBuilder().add("type", type).add("message", message))
        .build()
        .toString();
  }

  ResponseDefinition missing(String what) {
    return json(404, error("invalid_request_error", "No such " + what));
  }

  static ResponseDefinition json(int status, String body) {
    return raw(status, body, false);
  }

  static ResponseDefinition raw(int status, String body, boolean replayed) {
    var b =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withHeader("Request-Id", "req_" + Long.toString(System.nanoTime(), 36))
            .withHeader("Stripe-Version", API_VERSION)
            .withBody(body);
    if (replayed) {
      b.withHeader("Idempotent-Replayed", "true");
    }
    return b.build();
  }

  static ResponseDefinition html(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(
            "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>Stripe (double local)</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                + "button{font-size:1rem;padding:.7rem 1.2rem;margin:.4rem 0;background:#635bff;color:#fff;border:0;border-radius:6px;cursor:pointer}"
                + "#cancel{background:#e3e3e3;color:#1a1a1a}input{font-size:1rem;padding:.4rem}</style></head><body><main>"
                + body
                + "</main></body></html>")
        .build();
  }

  static ResponseDefinition redirect(String to) {
    return aResponse().withStatus(303).withHeader("Location", to).build();
  }
}
