/**
 * Bulk onboarding: towns registered from a CSV of INSEE codes or from the whole official list, as a
 * background job that reports each line's outcome and resumes without duplicates.
 */
package fr.cite.platform.onboarding;
