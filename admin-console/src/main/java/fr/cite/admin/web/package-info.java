/** Page beans of the town and provider consoles. */
package fr.cite.admin.web;
