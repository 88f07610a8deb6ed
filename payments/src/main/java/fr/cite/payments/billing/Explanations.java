package fr.cite.payments.billing;

import fr.cite.payments.domain.Money;
import java.util.Locale;

/** How a line was priced, in words a family understands (the PDF, the portal, the console). */
public final class Explanations {

  private Explanations() {}

  public static String of(
      String chargeCase, Integer quotient, String bracket, int unitCents, int percent, Locale l) {
    return of(chargeCase, quotient, bracket, unitCents, percent, 0, l);
  }

  /**
   * @param hourlyMinutes for a line priced by the hour, its minutes (the bracket is then the
   *     resources and effort rate it came from); 0 otherwise
   */
  public static String of(
      String chargeCase,
      Integer quotient,
      String bracket,
      int unitCents,
      int percent,
      int hourlyMinutes,
      Locale l) {
    boolean en = "en".equals(l.getLanguage());
    if ("CANCEL".equals(chargeCase)) {
      return (en
              ? "Correction: cancels the line invoiced on "
              : "Rectification : annule la ligne facturée sur ")
          + bracket;
    }
    if ("CREDIT".equals(chargeCase)) {
      return (en ? "Credit: justified absence, " : "Avoir : absence justifiée, ")
          + (en ? "invoiced on " : "facturé sur ")
          + bracket;
    }
    String what =
        switch (chargeCase) {
          case "PRESENT" -> en ? "present" : "présent";
          case "BOOKED" -> en ? "booked" : "réservé";
          case "ABSENT_JUSTIFIED" -> en ? "justified absence" : "absence justifiée";
          case "ABSENT_UNJUSTIFIED" -> en ? "unjustified absence" : "absence non justifiée";
          case "UNBOOKED_PRESENT" -> en ? "present without booking" : "présent sans réservation";
          default -> chargeCase;
        };
    if (percent == 0) {
      return what + (en ? ": not charged" : " : non facturé");
    }
    if (hourlyMinutes > 0) {
      return what
          + ", "
          + hourlyMinutes / 60
          + " h "
          + String.format("%02d", hourlyMinutes % 60)
          + " × "
          + Money.ofCents(unitCents).format(l)
          + (en ? "/h (resources " : "/h (ressources ")
          + bracket
          + ")"
          + (percent == 100 ? "" : " × " + percent + " %");
    }
    String qf =
        quotient == null
            ? (en ? "no quotient, bracket " : "sans QF, tranche ")
            : (en ? "QF " : "QF ") + quotient + (en ? ", bracket " : ", tranche ");
    return what
        + ", "
        + qf
        + bracket
        + ", "
        + Money.ofCents(unitCents).format(l)
        + (percent == 100 ? "" : " × " + percent + " %");
  }
}
