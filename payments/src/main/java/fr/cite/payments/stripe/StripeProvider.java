package fr.cite.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import fr.cite.payments.domain.PaymentProvider;
import fr.cite.platform.config.CiteConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe through stripe-java: one connected account per régie (controller properties: full
 * Dashboard, the account pays Stripe's fees, Stripe bears the losses), Checkout as a direct charge
 * on it ({@code Stripe-Account}), webhook signatures checked on the raw body against each of the
 * configured secrets (rotation) with Stripe's tolerance of 300 s.
 *
 * <p>Configuration: {@code CITE_STRIPE_SECRET_KEY} (none: online payment is off), {@code
 * CITE_STRIPE_API_BASE} (the local double's URL in tests and under run.sh; Stripe's own by
 * default), {@code CITE_STRIPE_WEBHOOK_SECRETS} (comma-separated).
 */
@ApplicationScoped
public class StripeProvider implements PaymentProvider {

  public static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

  @Inject CiteConfig config;

  private StripeClient client;
  private List<String> secrets;
  private Clock clock = Clock.systemUTC();

  @PostConstruct
  void init() {
    Optional<String> key = CiteConfig.lookup("cite.stripe.secret-key");
    secrets =
        Arrays.stream(config.string("cite.stripe.webhook-secrets", "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    if (key.isPresent()) {
      StripeClient.StripeClientBuilder b =
          StripeClient.builder()
              .setApiKey(key.get())
              .setMaxNetworkRetries(2)
              .setConnectTimeout(5_000)
              .setReadTimeout(20_000);
      CiteConfig.lookup("cite.stripe.api-base")
          .ifPresent(base -> b.setApiBase(base).setConnectBase(base).setFilesBase(base));
      client = b.build();
    }
  }

  @Override
  public String name() {
    return "STRIPE";
  }

  @Override
  public boolean configured() {
    return client != null;
  }

  StripeClient client() {
    if (client == null) {
      throw new ProviderFailure("Stripe is not configured (CITE_STRIPE_SECRET_KEY)", null);
    }
    return client;
  }

  static RequestOptions on(String account, String idempotencyKey) {
    RequestOptions.RequestOptionsBuilder b = RequestOptions.builder();
    if (account != null) {
      b.setStripeAccount(account);
    }
    if (idempotencyKey != null) {
      b.setIdempotencyKey(idempotencyKey);
    }
    return b.build();
  }

  @Override
  public String createAccount(String key, String townName, String regieName, String email) {
    AccountCreateParams.Builder p =
        AccountCreateParams.builder()
            .setCountry("FR")
            .setController(
                AccountCreateParams.Controller.builder()
                    .setFees(
                        AccountCreateParams.Controller.Fees.builder()
                            .setPayer(AccountCreateParams.Controller.Fees.Payer.ACCOUNT)
                            .build())
                    .setLosses(
                        AccountCreateParams.Controller.Losses.builder()
                            .setPayments(AccountCreateParams.Controller.Losses.Payments.STRIPE)
                            .build())
                    .setStripeDashboard(
                        AccountCreateParams.Controller.StripeDashboard.builder()
                            .setType(AccountCreateParams.Controller.StripeDashboard.Type.FULL)
                            .build())
                    .build())
            .setBusinessProfile(
                AccountCreateParams.BusinessProfile.builder()
                    .setName(townName + " — " + regieName)
                    .build())
            .putMetadata("regie", regieName);
    if (email != null) {
      p.setEmail(email);
    }
    try {
      return client().v1().accounts().create(p.build(), on(null, key)).getId();
    } catch (StripeException e) {
      throw new ProviderFailure("Stripe account not created: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<URI> onboardingLink(String account, URI returnUrl, URI refreshUrl) {
    try {
      AccountLink link =
          client()
              .v1()
              .accountLinks()
              .create(
                  AccountLinkCreateParams.builder()
                      .setAccount(account)
                      .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                      .setReturnUrl(returnUrl.toString())
                      .setRefreshUrl(refreshUrl.toString())
                      .build(),
                  on(null, null));
      return Optional.of(URI.create(link.getUrl()));
    } catch (StripeException e) {
      throw new ProviderFailure("Stripe account link not created: " + e.getMessage(), e);
    }
  }

  @Override
  public AccountStatus account(String account) {
    try {
      Account a = client().v1().accounts().retrieve(account, on(null, null));
      return new AccountStatus(
          Boolean.TRUE.equals(a.getChargesEnabled()),
          Boolean.TRUE.equals(a.getPayoutsEnabled()),
          Boolean.TRUE.equals(a.getDetailsSubmitted()),
          false);
    } catch (StripeException e) {
      throw new ProviderFailure("Stripe account not read: " + e.getMessage(), e);
    }
  }

  @Override
  public Checkout startCheckout(String account, CheckoutRequest r) {
    SessionCreateParams.PaymentIntentData.Builder intent =
        SessionCreateParams.PaymentIntentData.builder();
    r.metadata().forEach(intent::putMetadata);
    if (r.applicationFeeCents() > 0) {
      intent.setApplicationFeeAmount(r.applicationFeeCents());
    }
    SessionCreateParams.Builder p =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
            .setClientReferenceId(r.clientReference())
            .setSuccessUrl(r.successUrl().toString())
            .setCancelUrl(r.cancelUrl().toString())
            .setExpiresAt(r.expiresAt().getEpochSecond())
            .setLocale(
                "en".equals(r.language())
                    ? SessionCreateParams.Locale.EN
                    : SessionCreateParams.Locale.FR)
            .setPaymentIntentData(intent.build())
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency("eur")
                            .setUnitAmount(r.amountCents())
                            .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(r.label())
                                    .build())
                            .build())
                    .build());
    if (r.sepaDebit()) {
      p.addPaymentMethodType(SessionCreateParams.PaymentMethodType.SEPA_DEBIT);
    }
    r.metadata().forEach(p::putMetadata);
    try {
      Session s =
          client().v1().checkout().sessions().create(p.build(), on(account, r.idempotencyKey()));
      return new Checkout(
          s.getId(),
          URI.create(s.getUrl()),
          s.getExpiresAt() == null ? r.expiresAt() : Instant.ofEpochSecond(s.getExpiresAt()));
    } catch (StripeException e) {
      throw new ProviderFailure("Stripe Checkout not opened: " + e.getMessage(), e);
    }
  }

  @Override
  public CheckoutStatus checkout(String account, String id) {
    try {
      Session s = client().v1().checkout().sessions().retrieve(id, on(account, null));
      List<String> methods = s.getPaymentMethodTypes();
      return new CheckoutStatus(
          s.getId(),
          s.getStatus(),
          s.getPaymentStatus(),
          s.getPaymentIntent(),
          s.getAmountTotal() == null ? 0 : s.getAmountTotal(),
          methods != null && methods.size() == 1 ? methods.get(0) : null,
          s.getMetadata() == null ? Map.of() : s.getMetadata());
    } catch (StripeException e) {
      throw new ProviderFailure("Stripe Checkout not read: " + e.getMessage(), e);
    }
  }

  @Override
  public void expire(String account, String id) {
    try {
      client().v1().checkout().sessions().expire(id, on(account, "expire-" + id));
    } catch (StripeException e) {
      throw new ProviderFailure("Stripe Checkout not expired: " + e.getMessage(), e);
    }
  }

  @Override
  public RefundResult refund(String account, String paymentIntent, long cents, String key) {
    try {
      com.stripe.model.Refund r =
          client()
              .v1()
              .refunds()
              .create(
                  com.stripe.param.RefundCreateParams.builder()
                      .setPaymentIntent(paymentIntent)
                      .setAmount(cents)
                      .build(),
                  on(account, key));
      return new RefundResult(r.getId(), r.getStatus());
    } catch (StripeException e) {
      throw new ProviderFailure("Stripe refund not made: " + e.getMessage(), e);
    }
  }

  @Override
  public Notification parse(Map<String, String> headers, byte[] body) {
    String signature = headers.get("stripe-signature");
    if (signature == null || signature.isBlank()) {
      throw new BadNotification("no Stripe-Signature header");
    }
    if (secrets.isEmpty()) {
      throw new BadNotification("no webhook secret configured");
    }
    String payload = new String(body, StandardCharsets.UTF_8);
    Event event = null;
    for (String secret : secrets) {
      try {
        event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS, clock);
        break;
      } catch (SignatureVerificationException e) {
        // try the next secret (rotation)
      } catch (RuntimeException e) {
        throw new BadNotification("unreadable event: " + e.getClass().getSimpleName());
      }
    }
    if (event == null) {
      throw new BadNotification("signature does not match");
    }
    if (event.getAccount() == null) {
      throw new BadNotification("not a connected account's event");
    }
    JsonObject object;
    try {
      object =
          Json.createReader(new StringReader(event.getDataObjectDeserializer().getRawJson()))
              .readObject();
    } catch (RuntimeException e) {
      throw new BadNotification("event without a data object");
    }
    Map<String, String> metadata = new HashMap<>();
    JsonValue m = object.get("metadata");
    if (m instanceof JsonObject mo) {
      mo.forEach(
          (k, v) ->
              metadata.put(
                  k, v instanceof jakarta.json.JsonString js ? js.getString() : v.toString()));
    }
    return new Notification(
        event.getId(),
        event.getType(),
        event.getAccount(),
        object.getString("id", null),
        Boolean.TRUE.equals(event.getLivemode()),
        metadata,
        Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated()),
        payload);
  }
}
