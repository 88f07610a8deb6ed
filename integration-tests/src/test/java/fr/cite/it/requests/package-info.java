/** Requests and "Mon compte": filing, following, the agents' queue, statement counts. */
package fr.cite.it.requests;
