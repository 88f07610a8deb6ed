/** Servlet-level tenancy: the filter that turns a request's host into a town. */
package fr.cite.platform.tenancy.web;
