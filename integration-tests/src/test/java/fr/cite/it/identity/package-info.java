/** Sign-in, tokens and the identity provider's outages. */
package fr.cite.it.identity;
