package fr.cite.payments.billing;

import fr.cite.payments.domain.BillableDays;
import java.util.List;

/**
 * What billing reads about one household for one period and régie, in a few set-based queries for a
 * chunk of households (never a query per child or per day): its children, their days, accepted
 * absences and quotients, its residence and payer, and the issued lines a new justified absence now
 * credits.
 */
public record HouseholdPeriod(
    long householdId,
    boolean resident,
    Payer payer,
    List<BillableDays.Child> children,
    List<BillableDays.Day> days,
    List<BillableDays.Absence> absences,
    List<BillableDays.Quotient> quotients,
    List<Creditable> credits) {

  /** Who the invoice is addressed to, as printed (a snapshot kept with the invoice). */
  public record Payer(String name, String email, String address, String postcode, String city) {}

  /** An issued line of an earlier invoice that an accepted absence now covers. */
  public record Creditable(
      long lineId,
      long childId,
      long activityId,
      long sessionId,
      java.time.LocalDate day,
      long amountCents,
      String invoiceNumber) {}
}
