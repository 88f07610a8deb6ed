/** Outgoing e-mail, sent after the transaction that caused it commits. */
package fr.cite.platform.mail;
