/**
 * The citizen's catalogue pages: e-services home, themes, profiles, procedures, search, and the
 * readable URLs that lead to them.
 */
package fr.cite.portal.catalogue;
