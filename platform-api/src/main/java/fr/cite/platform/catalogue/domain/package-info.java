/**
 * Catalogue entities of a town: themes (two levels), audiences, procedures with their channels,
 * useful links and related procedures, and the home's highlights and news. All tenant-owned.
 */
package fr.cite.platform.catalogue.domain;
