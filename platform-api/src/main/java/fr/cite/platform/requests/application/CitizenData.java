package fr.cite.platform.requests.application;

import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.DemandeEvent;
import fr.cite.platform.requests.domain.FormData;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A citizen's data rights in one town (GDPR articles 15, 17 and 20): everything the town holds on
 * them as JSON; and forgetting them, which anonymises their requests (the town must keep them, not
 * who filed them) and deletes their drafts.
 */
@ApplicationService
public class CitizenData {

  @PersistenceContext EntityManager em;

  @Inject RequestCatalog catalog;

  @Inject TenantContext tenant;

  private final Clock clock = Clock.systemUTC();

  public String export(String subject, String name, String email) {
    Map<Long, RequestType> types = catalog.typesById();
    List<Demande> mine = own(subject);
    Map<Long, List<DemandeEvent>> events =
        em.createQuery(
                "select e from DemandeEvent e where e.demandeId in"
                    + " (select d.id from Demande d where d.citizenSubject = :s) order by e.at, e.id",
                DemandeEvent.class)
            .setParameter("s", subject)
            .getResultStream()
            .filter(e -> e.kind().citizenSees())
            .collect(java.util.stream.Collectors.groupingBy(DemandeEvent::demandeId));
    JsonArrayBuilder requests = Json.createArrayBuilder();
    for (Demande d : mine) {
      JsonObjectBuilder r =
          Json.createObjectBuilder()
              .add("reference", d.reference().orElse(""))
              .add("type", types.get(d.typeId()).name().fr())
              .add("status", d.status().name())
              .add("channel", d.channel().name())
              .add("createdAt", d.createdAt().toString())
              .add("updatedAt", d.updatedAt().toString());
      JsonObjectBuilder form = Json.createObjectBuilder();
      FormData.parse(d.formData()).forEach((k, v) -> form.add(k, String.join(", ", v)));
      r.add("form", form);
      JsonArrayBuilder history = Json.createArrayBuilder();
      for (DemandeEvent e : events.getOrDefault(d.id(), List.of())) {
        JsonObjectBuilder h =
            Json.createObjectBuilder().add("at", e.at().toString()).add("kind", e.kind().name());
        e.toStatus().ifPresent(s -> h.add("status", s.name()));
        e.text().ifPresent(t -> h.add("text", t));
        h.add("by", e.actor().name());
        history.add(h);
      }
      r.add("history", history);
      requests.add(r);
    }
    return Json.createObjectBuilder()
        .add("town", tenant.require().slug())
        .add("exportedAt", clock.instant().toString())
        .add(
            "account",
            Json.createObjectBuilder()
                .add("name", name == null ? "" : name)
                .add("email", email == null ? "" : email))
        .add("requests", requests)
        .build()
        .toString();
  }

  @jakarta.inject.Inject jakarta.enterprise.event.Event<CitizenForgotten> forgotten;

  /** Forgets the citizen in this town; returns how many requests were anonymised. */
  public int forget(String subject) {
    forgotten.fire(new CitizenForgotten(subject));
    int n = 0;
    for (Demande d : own(subject)) {
      if (d.status() == fr.cite.platform.requests.domain.RequestStatus.DRAFT) {
        em.remove(d);
        continue;
      }
      d.anonymise(clock.instant());
      n++;
    }
    em.createQuery(
            "select e from DemandeEvent e where e.actor = :citizen and e.demandeId in"
                + " (select d.id from Demande d where d.anonymisedAt is not null)",
            DemandeEvent.class)
        .setParameter("citizen", DemandeEvent.Actor.CITIZEN)
        .getResultStream()
        .forEach(DemandeEvent::anonymise);
    return n;
  }

  private List<Demande> own(String subject) {
    return em.createQuery(
            "select d from Demande d where d.citizenSubject = :s order by d.createdAt",
            Demande.class)
        .setParameter("s", subject)
        .getResultList();
  }
}
