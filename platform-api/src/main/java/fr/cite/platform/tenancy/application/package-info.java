/**
 * Tenancy at run time: which town a request or a job works for ({@link
 * fr.cite.platform.tenancy.application.TenantContext}), how Hibernate and PostgreSQL are told
 * (tenant resolver, row-level security binding), host resolution, and onboarding of towns.
 */
package fr.cite.platform.tenancy.application;
