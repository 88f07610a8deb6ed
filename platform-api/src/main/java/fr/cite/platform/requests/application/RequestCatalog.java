package fr.cite.platform.requests.application;

import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.domain.FieldType;
import fr.cite.platform.requests.domain.FormSchema;
import fr.cite.platform.requests.domain.RequestService;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The current town's request types and services; the starter set given once to a new town. */
@ApplicationService
public class RequestCatalog {

  private static final Logger LOG = Logger.getLogger(RequestCatalog.class);

  @PersistenceContext EntityManager em;

  /** Stores the starter services and request types unless the town has services already. */
  public boolean seedStarterTypes() {
    long services =
        em.createQuery("select count(s) from RequestService s", Long.class).getSingleResult();
    if (services > 0) {
      return false;
    }
    Map<String, RequestService> bySlug = new HashMap<>();
    for (StarterRequestTypes.Service s : StarterRequestTypes.SERVICES) {
      RequestService service = new RequestService(s.slug(), s.name(), null);
      em.persist(service);
      bySlug.put(s.slug(), service);
    }
    em.flush();
    int position = 0;
    for (StarterRequestTypes.Type t : StarterRequestTypes.TYPES) {
      em.persist(
          new RequestType(
              t.slug(),
              t.name(),
              t.description(),
              t.form(),
              bySlug.get(t.service()),
              t.procedure(),
              t.anonymous(),
              position++));
    }
    LOG.infof("Starter request types stored: %d types", StarterRequestTypes.TYPES.size());
    return true;
  }

  public List<RequestType> activeTypes() {
    return em.createQuery(
            "select t from RequestType t where t.active = true order by t.position, t.nameFr",
            RequestType.class)
        .getResultList();
  }

  public List<RequestType> allTypes() {
    return em.createQuery(
            "select t from RequestType t order by t.position, t.nameFr", RequestType.class)
        .getResultList();
  }

  public Optional<RequestType> type(String slug) {
    return em.createQuery("select t from RequestType t where t.slug = :slug", RequestType.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  public RequestType requireActive(String slug) {
    return type(slug)
        .filter(RequestType::active)
        .orElseThrow(() -> ProblemException.notFound("request-type-not-found", slug));
  }

  /** The active type the catalogue procedure's "online" channel leads to, if any. */
  public Optional<RequestType> forProcedure(String procedureSlug) {
    return em.createQuery(
            "select t from RequestType t where t.procedureSlug = :slug and t.active = true"
                + " order by t.position",
            RequestType.class)
        .setParameter("slug", procedureSlug)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<RequestService> services() {
    return em.createQuery("select s from RequestService s order by s.nameFr", RequestService.class)
        .getResultList();
  }

  public Map<Long, RequestType> typesById() {
    Map<Long, RequestType> m = new HashMap<>();
    allTypes().forEach(t -> m.put(t.id(), t));
    return m;
  }

  /**
   * A request type another module files (family processes, incident reports): made in the town the
   * first time it is needed, with one long-text field that sums the record up, handled by its
   * service (made too when missing).
   */
  public void ensureSummaryType(
      String slug,
      LocalizedText name,
      LocalizedText description,
      String serviceSlug,
      LocalizedText serviceName,
      String summaryField,
      boolean anonymous,
      int position) {
    if (type(slug).isPresent()) {
      return;
    }
    RequestService service =
        em.createQuery("select s from RequestService s where s.slug = :slug", RequestService.class)
            .setParameter("slug", serviceSlug)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  RequestService s = new RequestService(serviceSlug, serviceName, null);
                  em.persist(s);
                  em.flush();
                  return s;
                });
    FormSchema form =
        new FormSchema(
            List.of(
                new FormSchema.Field(
                    summaryField,
                    FieldType.LONG_TEXT,
                    new LocalizedText("Résumé", "Summary"),
                    null,
                    true,
                    null,
                    null,
                    2000,
                    null,
                    null)));
    em.persist(new RequestType(slug, name, description, form, service, null, anonymous, position));
    em.flush();
  }
}
