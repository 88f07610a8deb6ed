/** Recording actions in the audit log and searching it. */
package fr.cite.platform.audit.application;
