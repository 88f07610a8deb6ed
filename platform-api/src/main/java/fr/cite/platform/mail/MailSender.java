package fr.cite.platform.mail;

import fr.cite.platform.config.CiteConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Sends e-mails through WildFly's mail session, only once the current transaction has committed (a
 * rolled-back invitation sends nothing). With {@code CITE_MAIL_MODE=log} (the local platform's
 * default) messages are written to the log instead. A failure to send is logged, never thrown at
 * the user: the work it reports on is already done.
 */
@ApplicationScoped
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class);

  /** A plain-text message. */
  public record Mail(String to, String subject, String body) {}

  @Resource(lookup = "java:jboss/mail/Default")
  Session session;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject CiteConfig config;

  public void sendAfterCommit(Mail mail) {
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                send(mail);
              }
            }
          });
    } else {
      send(mail);
    }
  }

  private void send(Mail mail) {
    if ("log".equals(config.string("cite.mail.mode", "smtp"))) {
      LOG.infof("E-mail to %s (log only)%nSubject: %s%n%s", mail.to(), mail.subject(), mail.body());
      return;
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.body(), StandardCharsets.UTF_8.name());
      Transport.send(message);
      LOG.infof("E-mail sent to %s: %s", mail.to(), mail.subject());
    } catch (MessagingException | RuntimeException e) {
      LOG.errorf("E-mail to %s not sent (%s): %s", mail.to(), mail.subject(), e.getMessage());
    }
  }
}
