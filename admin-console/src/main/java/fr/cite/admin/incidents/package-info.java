/** The agents' console for incident reports: their services' queue with its map. */
package fr.cite.admin.incidents;
