/** RFC 9457 problem details: the one shape of every API error, in French or English. */
package fr.cite.platform.problem;
