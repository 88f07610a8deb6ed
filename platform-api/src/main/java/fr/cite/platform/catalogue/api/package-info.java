/** Public read API of the catalogue under {@code /api/v1/catalogue}, and the town admin's edits. */
package fr.cite.platform.catalogue.api;
