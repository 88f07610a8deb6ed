/** Towns' staff: invitations, roles, the staff API. */
package fr.cite.it.staff;
