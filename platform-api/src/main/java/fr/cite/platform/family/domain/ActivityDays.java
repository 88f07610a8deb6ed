package fr.cite.platform.family.domain;

/** Which days of the calendar an activity runs on (then filtered by its days of the week). */
public enum ActivityDays {
  /** Days with class: canteen, morning and evening after-school. */
  SCHOOL_DAYS,
  /** Wednesdays in term time: the Wednesday leisure centre. */
  WEDNESDAYS,
  /** Working days of the school holidays: the holiday leisure centre. */
  HOLIDAYS,
  /** Every working day: crèches. */
  WORKING_DAYS
}
