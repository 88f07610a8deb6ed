/**
 * The provider console, on the platform host and for operators only: the list of towns, the
 * onboarding wizard and the audit log.
 */
package fr.cite.admin.provider;
