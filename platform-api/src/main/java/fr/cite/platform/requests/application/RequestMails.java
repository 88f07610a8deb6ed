package fr.cite.platform.requests.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestMailTemplate;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * E-mails to citizens about their requests, in the language they filed in, sent after the
 * transaction commits: the reference on submission (with the tracking code for a request without
 * account), each status change with the agent's message, each agent message. A town may reword them
 * per status and type ({@link RequestMailTemplate}); the platform's wording otherwise.
 */
@ApplicationService
public class RequestMails {

  static final String BUNDLE_NAME = "fr.cite.platform.i18n.request-mails";

  /** French is the base bundle: never fall back to the server's default locale. */
  static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @PersistenceContext EntityManager em;

  @Inject MailSender mail;

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  @Inject StatusLabels labels;

  void submitted(Demande d, RequestType type, String trackingCode, String language) {
    if (language != null) {
      d.speaks(language);
    }
    String extra =
        trackingCode == null ? "" : text("tracking", d.language()).replace("{code}", trackingCode);
    send(d, type, RequestStatus.SUBMITTED, extra);
  }

  void statusChanged(Demande d, RequestType type, String message) {
    send(d, type, d.status(), message == null ? "" : message);
  }

  void agentMessage(Demande d, RequestType type, String message) {
    if (d.citizenEmail().isEmpty()) {
      return;
    }
    Locale locale = Locale.forLanguageTag(d.language());
    String subject = fill(text("message.subject", d.language()), d, type, "", locale);
    String body = fill(text("message.body", d.language()), d, type, message, locale);
    mail.sendAfterCommit(new MailSender.Mail(d.citizenEmail().get(), subject, body));
  }

  private void send(Demande d, RequestType type, RequestStatus status, String message) {
    if (d.citizenEmail().isEmpty()) {
      return;
    }
    Locale locale = Locale.forLanguageTag(d.language());
    Optional<RequestMailTemplate> own = template(type.id(), status, d.language());
    String subject =
        own.map(RequestMailTemplate::subject)
            .orElseGet(() -> text("status." + status.name() + ".subject", d.language()));
    String body =
        own.map(RequestMailTemplate::body)
            .orElseGet(() -> text("status." + status.name() + ".body", d.language()));
    mail.sendAfterCommit(
        new MailSender.Mail(
            d.citizenEmail().get(),
            fill(subject, d, type, message, locale),
            fill(body, d, type, message, locale)));
  }

  /** The town's wording for this type, else for every type, else none. */
  Optional<RequestMailTemplate> template(long typeId, RequestStatus status, String language) {
    return em.createQuery(
            "select t from RequestMailTemplate t where t.status = :status and t.language = :lang"
                + " and (t.typeId = :type or t.typeId is null) order by t.typeId nulls last",
            RequestMailTemplate.class)
        .setParameter("status", status)
        .setParameter("lang", language)
        .setParameter("type", typeId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private String fill(String template, Demande d, RequestType type, String message, Locale locale) {
    String town = tenant.require().slug();
    String townName =
        directory.resolve(directory.platformHostOf(town))
                instanceof fr.cite.platform.tenancy.application.HostResolution.Town t
            ? t.tenant().name()
            : town;
    String portal = config.publicUrl(directory.platformHostOf(town));
    String link =
        d.citizenSubject().isPresent()
            ? portal + "/compte/demandes/" + d.reference().orElse("")
            : portal + "/suivi?reference=" + d.reference().orElse("");
    Map<String, String> values =
        Map.of(
            "{reference}",
            d.reference().orElse(""),
            "{type}",
            type.name().in(locale),
            "{status}",
            labels.label(d.status(), locale),
            "{message}",
            message == null ? "" : message,
            "{town}",
            townName,
            "{link}",
            link);
    String out = template;
    for (var e : values.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out.strip();
  }

  static String text(String key, String language) {
    return ResourceBundle.getBundle(BUNDLE_NAME, Locale.forLanguageTag(language), NO_FALLBACK)
        .getString(key);
  }
}
