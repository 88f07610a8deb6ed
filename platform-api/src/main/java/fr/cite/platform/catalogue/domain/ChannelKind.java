package fr.cite.platform.catalogue.domain;

/** The ways a procedure can be done, in the order a page shows them. */
public enum ChannelKind {
  ONLINE,
  COUNTER,
  MAIL,
  PHONE
}
