package fr.cite.platform.family.domain;

/** Where something an agent checks stands. */
public enum Checked {
  PENDING,
  ACCEPTED,
  REFUSED
}
