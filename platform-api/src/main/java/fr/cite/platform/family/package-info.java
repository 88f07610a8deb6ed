/**
 * The family space (ARCHITECTURE §7): households, children, documents and family quotients; the
 * town's activities with their sessions, cut-off rules and calendar; registrations, bookings with
 * the waiting list, absences and the register; crèche applications ranked by the town's grid. What
 * a parent starts is also a request of the common model, so it shows in "Mon compte" and in the
 * agents' queue. Billing (a later issue) reads bookings, attendance, absences and quotients.
 */
package fr.cite.platform.family;
