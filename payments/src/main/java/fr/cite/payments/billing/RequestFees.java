package fr.cite.payments.billing;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.requests.application.RequestSubmitted;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Fees of request types (the Lyon model's "payer en ligne": a room booking, a cemetery concession):
 * which régie collects how much for which type. Submitting a request of such a type issues, in the
 * same transaction, an invoice of that régie for the fee, numbered in its invoice series; the
 * citizen pays it from the request's page through the same Checkout as any invoice.
 */
@ApplicationService
public class RequestFees {

  @PersistenceContext EntityManager em;

  @Inject InvoiceIssuer issuer;

  /** A request type's fee. */
  public record Fee(
      long typeId,
      String typeSlug,
      String typeName,
      long regieId,
      String regieName,
      long amountCents,
      String labelFr,
      String labelEn,
      String updatedBy,
      Instant updatedAt) {

    /** What the invoice's line says. */
    public String label(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : labelFr;
    }
  }

  private static final String SELECT =
      "select f.request_type_id, t.slug, t.name_fr, f.regie_id, r.name_fr, f.amount_cents,"
          + " f.label_fr, f.label_en, f.updated_by, f.updated_at from billing_request_fee f"
          + " join request_type t on t.tenant_id = f.tenant_id and t.id = f.request_type_id"
          + " join billing_regie r on r.tenant_id = f.tenant_id and r.id = f.regie_id";

  /** The town's fees, by request type's name. */
  public List<Fee> all() {
    return read(em.createNativeQuery(SELECT + " order by t.name_fr").getResultList());
  }

  public Optional<Fee> ofType(long typeId) {
    return read(
            em.createNativeQuery(SELECT + " where f.request_type_id = ?1")
                .setParameter(1, typeId)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** The id of the town's request type of that slug, or 404. */
  public long typeId(String slug) {
    return em.createQuery("select t.id from RequestType t where t.slug = :s", Long.class)
        .setParameter("s", slug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("request-type-not-found", slug));
  }

  /** Sets (or changes) the fee of a request type; requests already filed keep theirs. */
  public Fee set(
      long typeId, long regieId, long amountCents, String labelFr, String labelEn, String by) {
    if (em.find(fr.cite.platform.requests.domain.RequestType.class, typeId) == null) {
      throw ProblemException.notFound("request-type-not-found", typeId);
    }
    if (em.find(Regie.class, regieId) == null) {
      throw new ProblemException(404, "regie-not-found");
    }
    em.createNativeQuery(
            "insert into billing_request_fee (request_type_id, regie_id, amount_cents, label_fr,"
                + " label_en, updated_by, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " on conflict (tenant_id, request_type_id) do update set regie_id = ?2,"
                + " amount_cents = ?3, label_fr = ?4, label_en = ?5, updated_by = ?6,"
                + " updated_at = ?7")
        .setParameter(1, typeId)
        .setParameter(2, regieId)
        .setParameter(3, amountCents)
        .setParameter(4, labelFr.strip())
        .setParameter(5, labelEn == null || labelEn.isBlank() ? "" : labelEn.strip())
        .setParameter(6, by)
        .setParameter(7, Instant.now())
        .executeUpdate();
    return ofType(typeId).orElseThrow();
  }

  /** The type has no fee any more (requests already filed keep theirs). */
  public boolean remove(long typeId) {
    return em.createNativeQuery("delete from billing_request_fee where request_type_id = ?1")
            .setParameter(1, typeId)
            .executeUpdate()
        > 0;
  }

  /** A request of a type with a fee was submitted: its invoice is issued with it. */
  void submitted(@Observes RequestSubmitted e) {
    ofType(e.typeId())
        .ifPresent(
            f ->
                issuer.issueFee(
                    e.demandeId(), e.reference(), f, LocalDate.now(InvoiceIssuer.PARIS)));
  }

  /**
   * The id of a request's fee invoice, if its type had a fee when it was submitted: only its id, so
   * that a caller that locks the invoice is the first to load it.
   */
  public Optional<Long> invoiceOf(long demandeId) {
    return em.createQuery(
            "select i.id from Invoice i where i.demandeId = :d and i.runId is null"
                + " and i.refundOf is null",
            Long.class)
        .setParameter("d", demandeId)
        .getResultStream()
        .findFirst();
  }

  /** The invoice of a request's fee, to show (not to lock: see {@link #invoiceOf}). */
  public Optional<Invoice> invoice(long demandeId) {
    return invoiceOf(demandeId).map(id -> em.find(Invoice.class, id));
  }

  /** The credit notes of refunds of a request's fee, oldest first. */
  public java.util.List<Invoice> creditNotesOf(long demandeId) {
    return em.createQuery(
            "select c from Invoice c where c.refundOf in (select i.id from Invoice i"
                + " where i.demandeId = :d and i.runId is null and i.refundOf is null)"
                + " order by c.id",
            Invoice.class)
        .setParameter("d", demandeId)
        .getResultList();
  }

  @SuppressWarnings("unchecked")
  private static List<Fee> read(List<?> rows) {
    return ((List<Object[]>) rows)
        .stream()
            .map(
                r ->
                    new Fee(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue(),
                        (String) r[4],
                        ((Number) r[5]).longValue(),
                        (String) r[6],
                        r[7] == null || ((String) r[7]).isEmpty() ? null : (String) r[7],
                        (String) r[8],
                        r[9] instanceof java.time.OffsetDateTime o
                            ? o.toInstant()
                            : r[9] instanceof java.sql.Timestamp ts
                                ? ts.toInstant()
                                : (Instant) r[9]))
            .toList();
  }
}
