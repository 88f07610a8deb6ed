/**
 * One request model for everything a citizen files and follows (ARCHITECTURE §5): request types
 * with their form schema per town, requests ("demandes") with their history, messages, notes and
 * attachments. Later modules (incident reports, family registrations, questions, payments due) plug
 * in as request types with data of their own beside the request.
 */
package fr.cite.platform.requests;
