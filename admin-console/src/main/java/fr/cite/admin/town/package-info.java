/** The town's console, for its administrators: branding and staff. */
package fr.cite.admin.town;
