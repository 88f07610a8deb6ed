/**
 * Tenancy at run time: which town a request or a job works for ({@link
 * fr.cite.platform.tenancy.application.TenantContext}), how Hibernate and PostgreSQL are told
 * (tenant resolver, row-level security binding), host resolution and the towns' registry. The
 * provider's workflows (onboarding, provisioning, operations) live above, in {@code towns}.
 */
package fr.cite.platform.tenancy.application;
