/** Towns as tenants of the platform: identity, status, branding and custom domains. */
package fr.cite.platform.tenancy.domain;
