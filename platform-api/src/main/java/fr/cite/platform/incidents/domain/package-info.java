/**
 * Incident reports (issue 14, the Mérignac and "Dans ma rue" models): what a report is, where it
 * stands and who handles it, with no framework — statuses and their Open311 mapping, the transition
 * table, positions in WGS84 and in local metres, sectors, and the routing rules that pick the
 * competent service with the reason why.
 */
package fr.cite.platform.incidents.domain;
