package fr.cite.payments.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform needs from a payment service, so that a town whose treasury requires PayFiP can
 * get that provider beside Stripe. Every call that creates something carries the caller's
 * idempotency key (the same on a retry); every status is re-read from the provider, never taken
 * from a notification's body.
 *
 * <p>PayFiP (the DGFiP's service, see the README of the payments module) would implement it as: no
 * account to create (the town's {@code numcli} is typed by an agent), {@code startCheckout} =
 * {@code creerPaiementSecurise} giving an {@code idop}, {@code parse} = the notification carrying
 * only {@code idop}, {@code checkout} = {@code recupererDetailPaiementSecurise}, no refunds.
 */
public interface PaymentProvider {

  /** A short stable name stored with each account ({@code STRIPE}, {@code PAYFIP}). */
  String name();

  /** Whether the platform is configured to talk to this provider at all. */
  boolean configured();

  /** Creates the town's account with the provider (idempotent on the key); its reference. */
  String createAccount(String idempotencyKey, String townName, String regieName, String email);

  /** A link where the town's officer completes the account (short-lived, single use). */
  Optional<URI> onboardingLink(String account, URI returnUrl, URI refreshUrl);

  AccountStatus account(String account);

  /** Opens a payment page for an amount, on the town's account, idempotent on the key. */
  Checkout startCheckout(String account, CheckoutRequest request);

  /** The payment page's state as the provider knows it (authoritative). */
  CheckoutStatus checkout(String account, String checkoutId);

  /** Closes a payment page not paid yet, so that a newer one is the only one. */
  void expire(String account, String checkoutId);

  /** Gives back part or all of a payment, idempotent on the key; the provider's refund. */
  RefundResult refund(String account, String paymentReference, long cents, String idempotencyKey);

  /** A refund as the provider reports it: {@code pending | succeeded | failed | canceled}. */
  record RefundResult(String id, String status) {}

  /** A notification checked for authenticity (signature, age); else {@link BadNotification}. */
  Notification parse(Map<String, String> headers, byte[] body);

  /** The account's capabilities as the provider reports them. */
  record AccountStatus(
      boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted, boolean livemode) {}

  /** What to pay and where to come back. */
  record CheckoutRequest(
      String idempotencyKey,
      long amountCents,
      String label,
      URI successUrl,
      URI cancelUrl,
      String clientReference,
      Map<String, String> metadata,
      boolean sepaDebit,
      Instant expiresAt,
      String language,
      long applicationFeeCents) {}

  /** An opened payment page. */
  record Checkout(String id, URI url, Instant expiresAt) {}

  /** A payment page's state: {@code open | complete | expired}; {@code paid | unpaid}. */
  record CheckoutStatus(
      String id,
      String status,
      String paymentStatus,
      String paymentReference,
      long amountCents,
      String method,
      Map<String, String> metadata) {
    public boolean paid() {
      return "complete".equals(status) && "paid".equals(paymentStatus);
    }
  }

  /** An authentic notification: which event, about what, on which account. */
  record Notification(
      String eventId,
      String type,
      String account,
      String objectId,
      boolean livemode,
      Map<String, String> metadata,
      Instant created,
      String payload) {}

  /** A notification that is not authentic or not readable: answered 400, nothing changed. */
  final class BadNotification extends RuntimeException {
    public BadNotification(String message) {
      super(message);
    }
  }

  /** The provider refused or failed a call. */
  final class ProviderFailure extends RuntimeException {
    public ProviderFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
