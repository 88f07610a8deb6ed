/**
 * Towns in the identity provider (Keycloak): one organization per town in the one realm, and the
 * town's hosts accepted as redirect URIs of the portal client.
 */
package fr.cite.platform.identity.application;
