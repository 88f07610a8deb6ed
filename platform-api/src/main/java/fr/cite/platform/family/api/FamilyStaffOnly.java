package fr.cite.platform.family.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the family desk's endpoints: a bearer token of an agent, an administrator or an activity
 * staff member of the town the host designates; activity staff may only take registers.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FamilyStaffOnly {}
