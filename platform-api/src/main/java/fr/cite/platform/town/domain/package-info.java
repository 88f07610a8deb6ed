/** What a town tells its citizens about itself: offices, contact details, logo. Tenant-owned. */
package fr.cite.platform.town.domain;
