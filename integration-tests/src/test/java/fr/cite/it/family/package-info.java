/** The family space: households, registrations, bookings, register, crèche, isolation. */
package fr.cite.it.family;
