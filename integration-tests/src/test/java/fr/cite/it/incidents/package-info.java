/** Incident reports: geodata, routing, the public map and Open311 (issue 14). */
package fr.cite.it.incidents;
