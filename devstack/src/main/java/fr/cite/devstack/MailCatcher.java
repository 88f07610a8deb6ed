package fr.cite.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

/**
 * The local platform's SMTP server: catches every e-mail (staff invitations from the application,
 * password resets from Keycloak) and writes it to a log file, so that links can be followed without
 * sending anything anywhere.
 */
public final class MailCatcher implements AutoCloseable {

  private final GreenMail server;
  private final Thread writer;

  private MailCatcher(GreenMail server, Thread writer) {
    this.server = server;
    this.writer = writer;
  }

  public static MailCatcher start(int port, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    server.start();
    Thread writer =
        new Thread(
            () -> {
              int written = 0;
              while (!Thread.currentThread().isInterrupted()) {
                MimeMessage[] received = server.getReceivedMessages();
                for (; written < received.length; written++) {
                  append(log, received[written]);
                }
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "mail-catcher");
    writer.setDaemon(true);
    writer.start();
    return new MailCatcher(server, writer);
  }

  private static void append(Path log, MimeMessage m) {
    try {
      String text =
          "=== "
              + LocalDateTime.now()
              + " to "
              + GreenMailUtil.getAddressList(m.getAllRecipients())
              + "\nSubject: "
              + m.getSubject()
              + "\n\n"
              + text(m)
              + "\n\n";
      Files.writeString(
          log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      System.out.println(
          "[cite] E-mail to "
              + GreenMailUtil.getAddressList(m.getAllRecipients())
              + ": "
              + m.getSubject()
              + " (see "
              + log
              + ")");
    } catch (Exception e) {
      System.err.println("[cite] Could not write a caught e-mail: " + e);
    }
  }

  /** True while it catches and writes e-mails. */
  public boolean isAlive() {
    return writer.isAlive();
  }

  @Override
  public void close() {
    writer.interrupt();
    server.stop();
  }

  /** The decoded text of a message: every text part, transfer encoding undone. */
  public static String text(jakarta.mail.Part part)
      throws jakarta.mail.MessagingException, java.io.IOException {
    if (part.isMimeType("multipart/*")) {
      jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i))).append('\n');
      }
      return all.toString();
    }
    try (java.io.InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
