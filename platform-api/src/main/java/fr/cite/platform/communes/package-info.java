/**
 * The official list of French communes (INSEE codes, names, postcodes, population) shipped with the
 * platform, and the rules that turn a commune into a host name.
 */
package fr.cite.platform.communes;
