package fr.cite.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the whole test run; WildFly's mail session points to it
 * through {@code CITE_SMTP_HOST}/{@code CITE_SMTP_PORT}.
 */
public final class TestMail {

  private static GreenMail server;

  private TestMail() {}

  static synchronized void start() {
    String port = System.getProperty("cite.test.smtp.port");
    if (port == null || server != null) {
      return;
    }
    server = new GreenMail(new ServerSetup(Integer.parseInt(port), "127.0.0.1", "smtp"));
    server.start();
  }

  static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** A received message, decoded. */
  public record Received(String subject, String body) {}

  /** Waits (up to 20 s) for messages to this address and returns them. */
  public static List<Received> awaitMessagesTo(String address) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      List<MimeMessage> mine =
          Arrays.stream(server.getReceivedMessages())
              .filter(m -> recipients(m).contains(address))
              .toList();
      if (!mine.isEmpty()) {
        return mine.stream().map(m -> new Received(subject(m), content(m))).toList();
      }
      Thread.sleep(200);
    }
    return List.of();
  }

  /** The decoded text of a message. */
  private static String content(MimeMessage m) {
    try {
      return fr.cite.devstack.MailCatcher.text(m);
    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipients(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
