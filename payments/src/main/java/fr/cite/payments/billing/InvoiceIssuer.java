package fr.cite.payments.billing;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.family.application.FamilyRequests;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.requests.domain.Demande;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Issues a run's draft invoices, one per transaction in household order: the régie's counter for
 * the kind and year is incremented in the same transaction as the invoice takes its number, so a
 * crash loses neither a number nor an invoice ({@code max(seq) = count} per régie, kind and year).
 * The PDF is made and stored with it; the family's "payment due" request and e-mail follow.
 */
@ApplicationService
public class InvoiceIssuer {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject TenantDirectory directory;

  @Inject CiteConfig config;

  @Inject FamilyRequests requests;

  @Inject MailSender mail;

  @Inject PaymentAvailability payable;

  @Inject TownName town;

  @Inject Invoices invoices;

  /** DRAFT → ISSUING (households in error stay out; they block only themselves). */
  public void begin(long runId) {
    BillingRun run =
        em.find(BillingRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (run == null) {
      throw new fr.cite.platform.problem.ProblemException(404, "billing-run-not-found");
    }
    if (run.status() == BillingRun.Status.ISSUING || run.status() == BillingRun.Status.ISSUED) {
      return;
    }
    if (run.status() != BillingRun.Status.DRAFT) {
      throw new fr.cite.platform.problem.ProblemException(409, "billing-run-not-draft");
    }
    em.createNativeQuery("update billing_run set status = 'ISSUING' where id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
    em.createNativeQuery(
            "insert into billing_active_run (run_id, tenant_id, since) values (?1, ?2, ?3)"
                + " on conflict do nothing")
        .setParameter(1, runId)
        .setParameter(2, tenant.require().id())
        .setParameter(3, Instant.now())
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<Long> drafts(long runId, int limit) {
    return ((List<Number>)
            em.createNativeQuery(
                    "select id from billing_invoice where run_id = ?1 and status = 'DRAFT'"
                        + " order by household_id limit ?2")
                .setParameter(1, runId)
                .setParameter(2, limit)
                .getResultList())
        .stream().map(Number::longValue).toList();
  }

  /** Issues one draft invoice (a no-op if another worker did). */
  public void issue(long invoiceId, LocalDate today) {
    Invoice invoice =
        em.find(Invoice.class, invoiceId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (invoice == null || invoice.status() != Invoice.Status.DRAFT) {
      return;
    }
    Regie regie = em.find(Regie.class, invoice.regieId());
    int year = today.getYear();
    int seq = next(regie.id(), invoice.kind().name(), year);
    String number =
        String.format(
            Locale.ROOT,
            "%s-%s-%d-%06d",
            invoice.kind() == Invoice.Kind.INVOICE ? "F" : "A",
            regie.numberPrefix(),
            year,
            seq);
    LocalDate due = today.plusDays(regie.dueDays());
    HouseholdPeriod.Payer payer = payer(invoice.payer());
    byte[] pdf =
        InvoicePdf.render(
            new InvoicePdf.Document(
                invoice.kind() == Invoice.Kind.INVOICE
                    ? InvoicePdf.Kind.INVOICE
                    : InvoicePdf.Kind.CREDIT_NOTE,
                number,
                townName(),
                regie.nameFr(),
                regie.counterAddress(),
                regie.officerName(),
                payer,
                invoice.periodStart(),
                invoice.periodEnd(),
                today,
                due,
                invoices.lines(invoiceId, Locale.FRANCE),
                invoice.totalCents(),
                0,
                payable.online(regie.id()),
                portalUrl() + "/compte/famille/factures.xhtml"));
    em.createNativeQuery(
            "update billing_invoice set status = 'ISSUED', year = ?2, seq = ?3, number = ?4,"
                + " issued_at = ?5, due_date = ?6, pdf = ?7, pdf_sha256 = ?8,"
                + " version = version + 1 where id = ?1 and status = 'DRAFT'")
        .setParameter(1, invoiceId)
        .setParameter(2, year)
        .setParameter(3, seq)
        .setParameter(4, number)
        .setParameter(5, Instant.now())
        .setParameter(6, due)
        .setParameter(7, pdf)
        .setParameter(8, sha256(pdf))
        .executeUpdate();
    em.refresh(invoice);
    if (invoice.kind() == Invoice.Kind.INVOICE) {
      fileAsRequest(invoice, number, payer);
    }
    if (payer != null && payer.email() != null) {
      String amount =
          fr.cite.payments.domain.Money.ofCents(invoice.totalCents()).format(Locale.FRANCE);
      mail.sendAfterCommit(
          new MailSender.Mail(
              payer.email(),
              (invoice.kind() == Invoice.Kind.INVOICE ? "Votre facture " : "Votre avoir ")
                  + number
                  + " — "
                  + townName(),
              "Bonjour,\n\n"
                  + (invoice.kind() == Invoice.Kind.INVOICE
                      ? "Votre facture "
                          + number
                          + " de "
                          + amount
                          + " est disponible"
                          + " dans votre espace famille ; elle est à régler avant le "
                          + due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                          + "."
                      : "Un avoir " + number + " de " + amount + " a été émis en votre faveur.")
                  + "\n\n"
                  + portalUrl()
                  + "/compte/famille/factures.xhtml\n\n— "
                  + townName()
                  + "\n\n(English: your "
                  + (invoice.kind() == Invoice.Kind.INVOICE ? "invoice " : "credit note ")
                  + number
                  + " is in your family space.)"));
    }
  }

  /**
   * The next number of the régie's series (INVOICE, CREDIT_NOTE, RECEIPT) for the year: the
   * counter's row stays locked until the caller's transaction ends, and rolls back with it, so a
   * number is never skipped nor given twice.
   */
  public int next(long regieId, String kind, int year) {
    return ((Number)
            em.createNativeQuery(
                    "insert into billing_counter (regie_id, kind, year, last_value)"
                        + " values (?1, ?2, ?3, 1) on conflict (tenant_id, regie_id, kind, year)"
                        + " do update set last_value = billing_counter.last_value + 1"
                        + " returning last_value")
                .setParameter(1, regieId)
                .setParameter(2, kind)
                .setParameter(3, year)
                .getSingleResult())
        .intValue();
  }

  /**
   * The invoice of a request's fee, issued as the request is submitted: numbered in the régie's
   * invoice series, one line (the fee), its PDF, payable from the request's page; the request's
   * citizen is the payer.
   */
  public long issueFee(long demandeId, String reference, RequestFees.Fee fee, LocalDate today) {
    Demande d = em.find(Demande.class, demandeId);
    Regie regie = em.find(Regie.class, fee.regieId());
    int year = today.getYear();
    int seq = next(regie.id(), Invoice.Kind.INVOICE.name(), year);
    String number = String.format(Locale.ROOT, "F-%s-%d-%06d", regie.numberPrefix(), year, seq);
    LocalDate due = today.plusDays(regie.dueDays());
    HouseholdPeriod.Payer payer =
        new HouseholdPeriod.Payer(
            d.citizenName().orElse(null), d.citizenEmail().orElse(null), null, null, null);
    String page = portalUrl() + "/compte/demandes/" + reference;
    byte[] pdf =
        InvoicePdf.render(
            new InvoicePdf.Document(
                InvoicePdf.Kind.INVOICE,
                number,
                townName(),
                regie.nameFr(),
                regie.counterAddress(),
                regie.officerName(),
                payer,
                today,
                today,
                today,
                due,
                List.of(
                    new InvoicePdf.Line(
                        "—", today, fee.labelFr(), "Demande " + reference, fee.amountCents())),
                fee.amountCents(),
                0,
                payable.online(regie.id()),
                page));
    var json = Json.createObjectBuilder();
    if (payer.name() != null) {
      json.add("name", payer.name());
    }
    if (payer.email() != null) {
      json.add("email", payer.email());
    }
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into billing_invoice (id, regie_id, kind, status, year, seq, number,"
                        + " total_cents, period_start, period_end, payer, issued_at, due_date, pdf,"
                        + " pdf_sha256, demande_id) values (nextval('billing_row_seq'), ?1,"
                        + " 'INVOICE', 'ISSUED', ?2, ?3, ?4, ?5, ?6, ?6, cast(?7 as jsonb), ?8, ?9,"
                        + " ?10, ?11, ?12) returning id")
                .setParameter(1, regie.id())
                .setParameter(2, year)
                .setParameter(3, seq)
                .setParameter(4, number)
                .setParameter(5, fee.amountCents())
                .setParameter(6, today)
                .setParameter(7, json.build().toString())
                .setParameter(8, Instant.now())
                .setParameter(9, due)
                .setParameter(10, pdf)
                .setParameter(11, sha256(pdf))
                .setParameter(12, demandeId)
                .getSingleResult();
    if (payer.email() != null) {
      String amount =
          fr.cite.payments.domain.Money.ofCents(fee.amountCents()).format(Locale.FRANCE);
      mail.sendAfterCommit(
          new MailSender.Mail(
              payer.email(),
              "Frais à régler — demande " + reference + " — " + townName(),
              "Bonjour,\n\nVotre demande "
                  + reference
                  + " (« "
                  + fee.labelFr()
                  + " ») donne lieu à des frais de "
                  + amount
                  + " (facture "
                  + number
                  + "), à régler avant le "
                  + due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                  // Online from the request's page, for a request filed with an account.
                  + (payable.online(regie.id()) && d.citizenSubject().isPresent()
                      ? ", en ligne depuis la page de votre demande :\n\n" + page
                      : " auprès de la régie " + regie.nameFr() + ".")
                  + "\n\n— "
                  + townName()
                  + "\n\n(English: your request "
                  + reference
                  + " comes with a fee of "
                  + amount
                  + "; you can pay it from the request's page.)"));
    }
    return id.longValue();
  }

  /** A credit note issued. */
  public record CreditNote(long id, String number) {}

  /** The credit note of a refund: its own number and PDF, the invoice and payment it concerns. */
  public CreditNote refundCreditNote(
      Invoice invoice,
      fr.cite.payments.online.Payment payment,
      long cents,
      String reason,
      LocalDate today) {
    Regie regie = em.find(Regie.class, invoice.regieId());
    int year = today.getYear();
    int seq = next(regie.id(), "CREDIT_NOTE", year);
    String number = String.format(Locale.ROOT, "A-%s-%d-%06d", regie.numberPrefix(), year, seq);
    HouseholdPeriod.Payer payer = payer(invoice.payer());
    byte[] pdf =
        InvoicePdf.render(
            new InvoicePdf.Document(
                InvoicePdf.Kind.CREDIT_NOTE,
                number,
                townName(),
                regie.nameFr(),
                regie.counterAddress(),
                regie.officerName(),
                payer,
                invoice.periodStart(),
                invoice.periodEnd(),
                today,
                null,
                List.of(
                    new InvoicePdf.Line(
                        "—",
                        today,
                        "Remboursement",
                        "Facture "
                            + invoice.number().orElse("")
                            + ", paiement "
                            + payment.receiptNumber()
                            + " : "
                            + reason,
                        cents)),
                cents,
                0,
                false,
                null));
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into billing_invoice (id, regie_id, run_id, household_id, kind, status,"
                        + " year, seq, number, total_cents, period_start, period_end, payer,"
                        + " issued_at, pdf, pdf_sha256, refund_of, demande_id) values"
                        + " (nextval('billing_row_seq'), ?1,"
                        // The run and household of the original (none for a request's fee).
                        + " (select o.run_id from billing_invoice o where o.id = ?2),"
                        + " (select o.household_id from billing_invoice o where o.id = ?3),"
                        + " 'CREDIT_NOTE', 'ISSUED', ?4, ?5,"
                        + " ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11, ?12, ?13, ?14,"
                        // A fee's credit note belongs to the fee's request, as the fee does.
                        + " (select o.demande_id from billing_invoice o where o.id = ?14"
                        + "  and o.run_id is null)) returning id")
                .setParameter(1, regie.id())
                .setParameter(2, invoice.id())
                .setParameter(3, invoice.id())
                .setParameter(4, year)
                .setParameter(5, seq)
                .setParameter(6, number)
                .setParameter(7, cents)
                .setParameter(8, invoice.periodStart())
                .setParameter(9, invoice.periodEnd())
                .setParameter(10, invoice.payer())
                .setParameter(11, Instant.now())
                .setParameter(12, pdf)
                .setParameter(13, sha256(pdf))
                .setParameter(14, invoice.id())
                .getSingleResult();
    if (payer != null && payer.email() != null) {
      mail.sendAfterCommit(
          new MailSender.Mail(
              payer.email(),
              "Remboursement — avoir " + number + " — " + townName(),
              "Bonjour,\n\nLa régie vous rembourse "
                  + fr.cite.payments.domain.Money.ofCents(cents).format(Locale.FRANCE)
                  + " sur la facture "
                  + invoice.number().orElse("")
                  + " (avoir "
                  + number
                  + ") : "
                  + reason
                  + ".\nLe remboursement arrive sur le moyen de paiement utilisé sous quelques jours.\n\n"
                  + portalUrl()
                  + (invoice.fee() ? "/compte/" : "/compte/famille/factures.xhtml")
                  + "\n\n(English: the régie refunds part of your payment; the credit note is"
                  + (invoice.fee() ? " in Mon compte.)" : " in your family space.)")));
    }
    return new CreditNote(id.longValue(), number);
  }

  /** ISSUING → ISSUED once no draft is left. */
  public boolean finish(long runId) {
    if (!drafts(runId, 1).isEmpty()) {
      return false;
    }
    int changed =
        em.createNativeQuery(
                "update billing_run set status = 'ISSUED', issued_at = ?2, invoices_issued ="
                    + " (select count(*) from billing_invoice where run_id = ?1"
                    + "  and status <> 'DRAFT') where id = ?1 and status = 'ISSUING'")
            .setParameter(1, runId)
            .setParameter(2, Instant.now())
            .executeUpdate();
    em.createNativeQuery("delete from billing_active_run where run_id = ?1")
        .setParameter(1, runId)
        .executeUpdate();
    return changed > 0;
  }

  void fileAsRequest(Invoice invoice, String number, HouseholdPeriod.Payer payer) {
    List<?> subjects =
        em.createNativeQuery(
                "select subject from family_guardian where household_id = ?1"
                    + " and subject is not null order by joined_at, id limit 1")
            .setParameter(1, invoice.householdId())
            .getResultList();
    if (subjects.isEmpty()) {
      return;
    }
    Demande d =
        requests.file(
            FamilyRequests.Kind.PAYMENT_DUE,
            // No e-mail on the request itself: the invoice's own e-mail says it all.
            new Demande.Citizen(
                (String) subjects.get(0), payer == null ? null : payer.name(), null, null),
            "Facture "
                + number
                + " — "
                + fr.cite.payments.domain.Money.ofCents(invoice.totalCents()).format(Locale.FRANCE),
            "fr");
    invoice.filedAs(d.id());
    requests.decide(d.id(), RequestStatus.WAITING, null, "Régie");
  }

  String townName() {
    return town.current();
  }

  String portalUrl() {
    return config.publicUrl(directory.platformHostOf(tenant.require().slug()));
  }

  static HouseholdPeriod.Payer payer(String json) {
    JsonObject o = Json.createReader(new StringReader(json)).readObject();
    return new HouseholdPeriod.Payer(
        o.getString("name", null),
        o.getString("email", null),
        o.getString("address", null),
        o.getString("postcode", null),
        o.getString("city", null));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
