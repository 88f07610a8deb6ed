/** Inviting staff, accepting invitations, and the staff role of a signed-in account. */
package fr.cite.platform.staff.application;
