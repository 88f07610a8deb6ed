package fr.cite.devstack.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook payload exactly as Stripe does: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<payload>")>} in the {@code Stripe-Signature} header. Written here
 * rather than borrowed from stripe-java, so that the platform's check (stripe-java's) is tested
 * against an independent signer.
 */
public final class StripeSignature {

  private StripeSignature() {}

  public static String header(String payload, String secret, long timestamp) {
    return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload, secret);
  }

  static String hmac(String message, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
