/** A town's staff and their roles (agent, town administrator, finance officer). Tenant-owned. */
package fr.cite.platform.staff.domain;
