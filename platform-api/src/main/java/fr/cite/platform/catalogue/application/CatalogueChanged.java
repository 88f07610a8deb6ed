package fr.cite.platform.catalogue.application;

/** Fired when a town's catalogue changes; its cached pages are dropped once the change commits. */
public record CatalogueChanged(long tenantId) {}
