package fr.cite.platform.incidents.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.incidents.domain.IncidentStatus;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.inject.Inject;
import java.util.List;

/**
 * E-mails to a report's followers (its reporter first, then everyone who said "me too" or asked to
 * follow it) on each public change, after the transaction commits, in French with the English
 * below: followers have no language on record.
 */
@ApplicationService
public class IncidentMails {

  @Inject MailSender mail;

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  String link(long incidentId) {
    return config.publicUrl(directory.platformHostOf(tenant.require().slug()))
        + "/signalements/"
        + incidentId;
  }

  /** The link that stops a follower's e-mails (a page with a button: mail scanners only look). */
  String unfollowLink(long incidentId, IncidentReports.Follower f) {
    return link(incidentId) + "?jeton=" + f.token() + "#ne-plus-suivre";
  }

  private String footer(long incidentId, IncidentReports.Follower f) {
    return "\n\nNe plus suivre ce signalement / Stop following this report :\n"
        + unfollowLink(incidentId, f)
        + "\n";
  }

  /** A public status change, with the public message. */
  void statusChanged(
      long incidentId,
      String category,
      IncidentStatus status,
      String message,
      List<IncidentReports.Follower> to) {
    String subject =
        "Signalement n° "
            + incidentId
            + " : "
            + status.label("fr").toLowerCase(java.util.Locale.FRENCH);
    String body =
        "Bonjour,\n\nLe signalement n° "
            + incidentId
            + " ("
            + category
            + ") est désormais : "
            + status.label("fr")
            + ".\n"
            + (message == null || message.isBlank() ? "" : "\n" + message + "\n")
            + (status == IncidentStatus.RESOLVED
                ? "\nEst-ce réparé ? Dites-le nous (oui, en partie, non) sur la page du signalement.\n"
                : "")
            + "\n"
            + link(incidentId)
            + "\n\n-- \nReport no. "
            + incidentId
            + " ("
            + category
            + ") is now: "
            + status.label("en")
            + ".\n"
            + (status == IncidentStatus.RESOLVED
                ? "Is it fixed? Tell us (yes, partly, no) on the report's page.\n"
                : "");
    for (IncidentReports.Follower f : to) {
      mail.sendAfterCommit(new MailSender.Mail(f.email(), subject, body + footer(incidentId, f)));
    }
  }

  /** Someone follows a report. */
  void following(long incidentId, String category, IncidentReports.Follower follower) {
    mail.sendAfterCommit(
        new MailSender.Mail(
            follower.email(),
            "Vous suivez le signalement n° " + incidentId,
            "Bonjour,\n\nVous serez prévenu(e) de chaque changement du signalement n° "
                + incidentId
                + " ("
                + category
                + ").\n\n"
                + link(incidentId)
                + "\n\n-- \nYou will be told of every change of report no. "
                + incidentId
                + "."
                + footer(incidentId, follower)));
  }
}
