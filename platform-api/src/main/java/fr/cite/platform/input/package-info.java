/**
 * Input hygiene shared by the API, the portal and the consoles: which characters a text may hold,
 * and the Faces validator that applies the same rule to every form field.
 */
package fr.cite.platform.input;
