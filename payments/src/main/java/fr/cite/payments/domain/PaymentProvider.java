package fr.cite.payments.domain;

/**
 * What the platform needs from a payment service, so that a town whose treasury requires PayFiP can
 * get that provider beside Stripe. The Stripe implementation arrives with the family-space billing.
 */
public interface PaymentProvider {

  /** A short stable name stored with each payment ({@code stripe}, {@code payfip}). */
  String name();
}
