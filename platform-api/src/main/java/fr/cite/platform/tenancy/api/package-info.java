/** Provider REST API: onboarding and running towns. */
package fr.cite.platform.tenancy.api;
