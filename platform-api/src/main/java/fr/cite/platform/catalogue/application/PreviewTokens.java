package fr.cite.platform.catalogue.application;

import fr.cite.platform.config.CiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, short-lived links that let a town's editor see a procedure on the portal exactly as a
 * citizen will, drafts included: {@code ?apercu=<expiry>.<signature>}, an HMAC-SHA256 of the town,
 * the procedure and the expiry. The key comes from {@code CITE_PREVIEW_SECRET}; without it, a key
 * drawn at start (enough for one node; several nodes must share the variable).
 */
@ApplicationScoped
public class PreviewTokens {

  static final Duration LIFETIME = Duration.ofHours(2);

  @Inject CiteConfig config;

  private final Clock clock = Clock.systemUTC();
  private volatile byte[] key;

  public String issue(long tenantId, String slug) {
    long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
    return expiry + "." + sign(tenantId, slug, expiry);
  }

  public boolean valid(String token, long tenantId, String slug) {
    if (token == null || token.length() > 100) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long expiry;
    try {
      expiry = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    if (expiry < clock.instant().getEpochSecond()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(tenantId, slug, expiry).getBytes(StandardCharsets.US_ASCII),
        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(long tenantId, String slug, long expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] signature =
          mac.doFinal((tenantId + "\n" + slug + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized byte[] key() {
    byte[] k = key;
    if (k == null) {
      k =
          CiteConfig.lookup("cite.preview-secret")
              .filter(s -> !s.isBlank())
              .map(s -> s.getBytes(StandardCharsets.UTF_8))
              .orElseGet(
                  () -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                  });
      key = k;
    }
    return k;
  }
}
