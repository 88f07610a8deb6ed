package fr.cite.platform.requests.application;

/**
 * A request was just submitted (by its citizen or by an agent at the counter), in the filing's
 * transaction: observers that add to it (a fee to pay) roll back with it.
 *
 * @param demandeId the request
 * @param typeId its type
 * @param reference its reference, now given
 */
public record RequestSubmitted(long demandeId, long typeId, String reference) {}
