/**
 * Reading the catalogue through a per-town cache (invalidated by every change), full-text search in
 * French and English, usage counting for the most requested services, editing and the starter
 * catalogue every new town receives.
 */
package fr.cite.platform.catalogue.application;
