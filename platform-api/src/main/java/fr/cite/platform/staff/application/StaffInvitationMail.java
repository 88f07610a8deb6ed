package fr.cite.platform.staff.application;

import fr.cite.platform.mail.MailSender;
import fr.cite.platform.staff.domain.StaffRole;

/**
 * The invitation e-mail, in French then English: the invited person's language is not known yet.
 */
final class StaffInvitationMail {

  private StaffInvitationMail() {}

  static MailSender.Mail of(String to, StaffRole role, String town, String url) {
    String subject = "Invitation : rejoindre l'équipe de " + town + " sur Cité";
    String body =
        """
        Bonjour,

        Vous êtes invité(e) à rejoindre l'équipe de %1$s sur Cité, %2$s.

        Pour accepter, ouvrez ce lien et connectez-vous (ou créez votre compte) :
        %3$s

        Ce lien sert une seule fois et expire dans 14 jours.

        ---

        Hello,

        You are invited to join the staff of %1$s on Cité, as %4$s.

        To accept, open this link and sign in (or create your account):
        %3$s

        This link works once and expires in 14 days.
        """
            .formatted(town, french(role), url, english(role));
    return new MailSender.Mail(to, subject, body);
  }

  private static String french(StaffRole role) {
    return switch (role) {
      case AGENT -> "en tant qu'agent";
      case TOWN_ADMIN -> "en tant qu'administrateur de la commune";
      case FINANCE -> "en tant que responsable financier";
      case ACTIVITY_STAFF -> "en tant qu'animateur ou animatrice (appel des activités)";
    };
  }

  private static String english(StaffRole role) {
    return switch (role) {
      case AGENT -> "agent";
      case TOWN_ADMIN -> "town administrator";
      case FINANCE -> "finance officer";
      case ACTIVITY_STAFF -> "activity staff member (taking the register)";
    };
  }
}
