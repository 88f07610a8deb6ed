/** REST API of a town's public information ({@code /api/v1/town}). */
package fr.cite.platform.town.api;
