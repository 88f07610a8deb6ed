package fr.cite.platform.requests.application;

import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What a status is called for citizens: the town's own word when it chose one ({@code
 * request_status_label}), the platform's otherwise.
 */
@ApplicationService
public class StatusLabels {

  @PersistenceContext EntityManager em;

  @jakarta.inject.Inject fr.cite.platform.tenancy.application.TenantContext tenant;

  public String label(RequestStatus status, Locale locale) {
    return all(locale).get(status);
  }

  /** Every status's name for citizens in one query: for lists, which show many statuses. */
  public java.util.Map<RequestStatus, String> all(Locale locale) {
    boolean english = "en".equals(locale.getLanguage());
    java.util.Map<RequestStatus, String> labels = new java.util.EnumMap<>(RequestStatus.class);
    for (RequestStatus s : RequestStatus.values()) {
      labels.put(s, platformLabel(s, locale));
    }
    List<?> rows =
        em.createNativeQuery(
                "select status, "
                    + (english ? "coalesce(label_en, label_fr)" : "label_fr")
                    + " from request_status_label where tenant_id = ?1")
            .setParameter(1, tenant.require().id())
            .getResultList();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      labels.put(RequestStatus.valueOf((String) r[0]), (String) r[1]);
    }
    return labels;
  }

  public static String platformLabel(RequestStatus status, Locale locale) {
    return ResourceBundle.getBundle(RequestMails.BUNDLE_NAME, locale, RequestMails.NO_FALLBACK)
        .getString("label." + status.name());
  }
}
