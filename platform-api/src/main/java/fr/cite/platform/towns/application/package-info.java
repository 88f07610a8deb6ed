/** Onboarding, provisioning, operations and custom domains of towns, as application services. */
package fr.cite.platform.towns.application;
