/** The audit log: an append-only record of what operators and town staff did. */
package fr.cite.platform.audit.domain;
