/** The local platform: embedded PostgreSQL, the provisioned WildFly, demo towns. */
package fr.cite.devstack;
