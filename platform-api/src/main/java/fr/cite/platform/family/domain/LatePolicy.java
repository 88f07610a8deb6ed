package fr.cite.platform.family.domain;

/** What a change after the cut-off does. */
public enum LatePolicy {
  /** Refused. */
  REFUSE,
  /** Accepted and flagged for the surcharge of the activity (billing applies it). */
  SURCHARGE,
  /** Only an agent may make it (the parent is told to call). */
  AGENT_ONLY
}
