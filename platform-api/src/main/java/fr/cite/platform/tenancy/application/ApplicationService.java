package fr.cite.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An application service: application-scoped, transactional, and tenant-bound (each transaction
 * tells PostgreSQL which tenant it works for). Every class that touches the database through JPA is
 * one.
 */
@Stereotype
@ApplicationScoped
@Transactional
@TenantBound
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApplicationService {}
