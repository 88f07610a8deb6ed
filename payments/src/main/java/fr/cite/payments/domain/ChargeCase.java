package fr.cite.payments.domain;

/** What happened on a booked (or unbooked) day, which decides the share of the price charged. */
public enum ChargeCase {
  /** The register says the child was there. */
  PRESENT,
  /** Booked and not (yet) pointed: charged as present, as a forecast is. */
  BOOKED,
  /** Absent with an absence an agent accepted (medical certificate). */
  ABSENT_JUSTIFIED,
  /** Absent without a justification. */
  ABSENT_UNJUSTIFIED,
  /** There without a booking. */
  UNBOOKED_PRESENT,
  /** A day already invoiced and since justified: minus the original line. */
  CREDIT
}
