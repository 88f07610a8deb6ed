/** JAX-RS applications of the portal WAR: the API and the health endpoints. */
package fr.cite.portal.api;
