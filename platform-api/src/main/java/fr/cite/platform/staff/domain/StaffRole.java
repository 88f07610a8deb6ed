package fr.cite.platform.staff.domain;

/** What a member of a town's staff may do there. */
public enum StaffRole {
  /** Handles requests and content day to day. */
  AGENT,
  /** Runs the town's console: branding, catalogue, staff. */
  TOWN_ADMIN,
  /** Billing and payments of the town. */
  FINANCE,
  /** Activity staff (animateurs): take the register of the family activities' sessions. */
  ACTIVITY_STAFF
}
