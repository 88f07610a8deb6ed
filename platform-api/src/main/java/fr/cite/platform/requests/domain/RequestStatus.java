package fr.cite.platform.requests.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a request stands; each town may rename them for its citizens. */
public enum RequestStatus {
  /** Saved by the citizen, not sent: only the citizen sees it. */
  DRAFT,
  SUBMITTED,
  IN_PROGRESS,
  /** The town waits for the citizen (a document, an answer). */
  WAITING,
  DONE,
  REJECTED;

  /** Whether the request is over (it can still be reopened by an agent). */
  public boolean closed() {
    return this == DONE || this == REJECTED;
  }

  /** The statuses an agent may move a request to from this one. */
  public Set<RequestStatus> agentMoves() {
    return switch (this) {
      case DRAFT -> EnumSet.noneOf(RequestStatus.class);
      case SUBMITTED, IN_PROGRESS, WAITING ->
          EnumSet.complementOf(EnumSet.of(DRAFT, SUBMITTED, this));
      case DONE, REJECTED -> EnumSet.of(IN_PROGRESS);
    };
  }
}
