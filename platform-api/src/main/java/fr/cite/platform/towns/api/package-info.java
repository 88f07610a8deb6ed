/**
 * The provider's API ({@code /api/v1/platform/towns}) and a town's settings API, with their bodies.
 */
package fr.cite.platform.towns.api;
