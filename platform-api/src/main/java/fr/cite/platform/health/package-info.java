/** Liveness and readiness endpoints. */
package fr.cite.platform.health;
