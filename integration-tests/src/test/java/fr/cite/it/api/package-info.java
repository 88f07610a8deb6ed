/** The API as a whole: its OpenAPI description walked with bad input, its headers. */
package fr.cite.it.api;
