/** The provider's workflows: onboarding (one by one and in bulk), suspension, towns' settings. */
package fr.cite.it.towns;
