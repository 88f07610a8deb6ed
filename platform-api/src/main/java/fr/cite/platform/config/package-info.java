/** Platform configuration from system properties and environment variables, with sane defaults. */
package fr.cite.platform.config;
