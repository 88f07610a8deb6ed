/** Host to town, isolation between towns (pages, API, database), health. */
package fr.cite.it.tenancy;
