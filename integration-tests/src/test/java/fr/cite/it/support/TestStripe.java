package fr.cite.it.support;

import fr.cite.devstack.stripe.StripeDouble;

/**
 * The local Stripe double for the whole test run, on the port the server's {@code
 * CITE_STRIPE_API_BASE} names; its webhooks go to the platform's Connect endpoint, signed with the
 * current secret of the two the server accepts.
 */
public final class TestStripe {

  public static final String CURRENT_SECRET = "whsec_it_current";
  public static final String PREVIOUS_SECRET = "whsec_it_previous";

  private static StripeDouble stripe;

  private TestStripe() {}

  public static synchronized StripeDouble get() {
    if (stripe == null) {
      int port = Integer.parseInt(System.getProperty("cite.test.stripe.port"));
      stripe =
          new StripeDouble(
              port,
              "http://localhost:" + Http.port() + "/api/v1/payments/stripe/webhook",
              null,
              CURRENT_SECRET,
              true);
    }
    return stripe;
  }
}
