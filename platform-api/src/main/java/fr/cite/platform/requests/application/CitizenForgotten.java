package fr.cite.platform.requests.application;

/**
 * Fired (synchronously, in the town's transaction) when a citizen is forgotten in a town, so that
 * the features that keep something of them (the family space) forget them too.
 */
public record CitizenForgotten(String subject) {}
