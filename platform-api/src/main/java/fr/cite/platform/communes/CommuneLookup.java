package fr.cite.platform.communes;

/** What the official list says about an INSEE code. */
public sealed interface CommuneLookup {

  /** A current commune, with the slug it gets on the platform. */
  record Current(Commune commune, String slug) implements CommuneLookup {}

  /**
   * A code that is no longer a commune of its own (merged, delegated, associated, or a municipal
   * arrondissement), with the current commune that holds it now.
   */
  record Former(String code, String kind, String name, Commune current) implements CommuneLookup {}

  /** A well-formed code that the list does not know. */
  record Unknown(String code) implements CommuneLookup {}

  /** A value that is not an INSEE code at all. */
  record Malformed(String value) implements CommuneLookup {}
}
