/** What every API of the platform shares about lists: pages of results and their parameters. */
package fr.cite.platform.tenancy.api;
