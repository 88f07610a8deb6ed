/** The citizen's account on a town's portal: sign-in through Keycloak, "Mon compte", sign-out. */
package fr.cite.portal.account;
