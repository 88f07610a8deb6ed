package fr.cite.platform.tenancy.application;

import java.io.Serializable;

/** Identifies the tenant of a unit of work. */
public record TenantRef(long id, String slug) implements Serializable {}
