/** The régie's console: régies and their Stripe account, tariffs, billing runs and invoices. */
package fr.cite.admin.billing;
