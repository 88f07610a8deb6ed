package fr.cite.platform.requests.application;

import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.RequestMailTemplate;
import fr.cite.platform.requests.domain.RequestService;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What a town's administrators set for requests: the request types (their form schema, service,
 * procedure, whether an account is needed), the names of the statuses citizens read, and the
 * wording of the e-mails per status, type and language.
 */
@ApplicationService
public class RequestSettings {

  @PersistenceContext EntityManager em;

  @Inject RequestCatalog catalog;

  @Inject TenantContext tenant;

  /**
   * Creates or redefines a type; returns whether it was created. 422 for a bad schema or service.
   */
  public boolean saveType(
      String slug,
      LocalizedText name,
      LocalizedText description,
      String schemaJson,
      String serviceSlug,
      String procedureSlug,
      boolean anonymous,
      boolean active) {
    FormSchema schema;
    try {
      schema = FormSchema.parse(schemaJson);
    } catch (RuntimeException e) {
      throw ProblemException.unprocessable(
          "request-bad-schema",
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    RequestService service =
        catalog.services().stream()
            .filter(s -> s.slug().equals(serviceSlug))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.unprocessable(
                        "request-unknown-service", String.valueOf(serviceSlug)));
    var existing = catalog.type(slug);
    if (existing.isPresent()) {
      existing.get().redefine(name, description, schema, service, procedureSlug, anonymous, active);
      return false;
    }
    em.persist(
        new RequestType(
            slug,
            name,
            description,
            schema,
            service,
            procedureSlug,
            anonymous,
            catalog.allTypes().size()));
    return true;
  }

  /** The town's own name of a status, in French and English. */
  public void renameStatus(RequestStatus status, String labelFr, String labelEn) {
    if (labelFr == null
        || labelFr.isBlank()
        || labelFr.length() > 60
        || (labelEn != null && labelEn.length() > 60)) {
      throw ProblemException.unprocessable("request-bad-label");
    }
    em.createNativeQuery(
            "insert into request_status_label (id, tenant_id, status, label_fr, label_en)"
                + " values (nextval('request_seq'), ?1, ?2, ?3, ?4)"
                + " on conflict (tenant_id, status) do update set label_fr = excluded.label_fr,"
                + " label_en = excluded.label_en")
        .setParameter(1, tenant.require().id())
        .setParameter(2, status.name())
        .setParameter(3, labelFr.strip())
        .setParameter(4, labelEn == null || labelEn.isBlank() ? null : labelEn.strip())
        .executeUpdate();
  }

  /**
   * The town's wording of the e-mail for a status (for one type, or all when {@code typeSlug} is
   * null).
   */
  public void reword(
      String typeSlug, RequestStatus status, String language, String subject, String body) {
    if (!"fr".equals(language) && !"en".equals(language)) {
      throw ProblemException.badRequest("bad-parameter", "language", "fr, en");
    }
    if (subject == null
        || subject.isBlank()
        || subject.length() > 200
        || body == null
        || body.isBlank()
        || body.length() > 5000) {
      throw ProblemException.unprocessable("request-bad-template");
    }
    Long typeId =
        typeSlug == null
            ? null
            : catalog
                .type(typeSlug)
                .map(RequestType::id)
                .orElseThrow(() -> ProblemException.notFound("request-type-not-found", typeSlug));
    RequestMailTemplate existing =
        em.createQuery(
                "select t from RequestMailTemplate t where t.status = :s and t.language = :l"
                    + " and ((:type is null and t.typeId is null) or t.typeId = :type)",
                RequestMailTemplate.class)
            .setParameter("s", status)
            .setParameter("l", language)
            .setParameter("type", typeId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (existing != null) {
      existing.reword(subject.strip(), body.strip());
    } else {
      em.persist(new RequestMailTemplate(typeId, status, language, subject.strip(), body.strip()));
    }
  }
}
