/** REST API of a town's staff, for its administrators. */
package fr.cite.platform.staff.api;
