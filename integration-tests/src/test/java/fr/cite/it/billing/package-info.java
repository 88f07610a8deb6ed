/** Billing runs, invoices, credits and online payment through the local Stripe double. */
package fr.cite.it.billing;
