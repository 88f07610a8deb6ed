/** Database schema migration with Liquibase at deployment. */
package fr.cite.platform.schema;
