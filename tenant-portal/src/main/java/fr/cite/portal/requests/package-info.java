/**
 * The citizen's side of requests: forms, "Mon compte", a request's page, following without account.
 */
package fr.cite.portal.requests;
