/**
 * What every layer needs to know about PostgreSQL itself: whether it answers right now, and which
 * failures mean that it does not (as opposed to a refused statement or a bug).
 */
package fr.cite.platform.database;
