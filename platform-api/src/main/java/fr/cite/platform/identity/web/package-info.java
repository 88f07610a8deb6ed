/** Servlet-level identity: OpenID Connect configuration per town, signed-in account helpers. */
package fr.cite.platform.identity.web;
