/** Page beans of the citizen portal. */
package fr.cite.portal.web;
