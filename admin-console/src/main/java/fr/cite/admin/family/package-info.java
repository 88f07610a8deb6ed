/**
 * The family space in the town console: what waits for agents (registrations, documents, quotients,
 * absences), the register of a session for activity staff, the crèche commission, a child's file,
 * the activities and closures, and the day-by-day occupancy.
 */
package fr.cite.admin.family;
