/**
 * The family space in "Mon compte": the household and its children, registrations, the month of
 * bookings with real buttons, absences, documents, the family quotient and crèche applications.
 */
package fr.cite.portal.family;
