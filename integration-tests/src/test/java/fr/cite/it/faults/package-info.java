/**
 * PostgreSQL stopped, paused or killed under the running platform: what holds and what comes back.
 */
package fr.cite.it.faults;
