/** Reading and maintaining a town's own information, always within the current tenant. */
package fr.cite.platform.town.application;
