/**
 * The provider's workflows on towns, above the features they orchestrate: onboarding (one town,
 * with its starter content and identity), provisioning on first visit, suspension, branding, custom
 * domains, the provider's API and the towns' settings API. Tenancy below knows none of it.
 */
package fr.cite.platform.towns;
