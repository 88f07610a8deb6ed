/** Languages and message bundles shared by the API and the pages. */
package fr.cite.platform.i18n;
