/** The town and provider consoles in Chromium and over HTTP. */
package fr.cite.it.consoles;
