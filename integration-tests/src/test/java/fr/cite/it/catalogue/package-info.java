/** The procedure catalogue and the e-services home: pages, API, editing, usage, accessibility. */
package fr.cite.it.catalogue;
