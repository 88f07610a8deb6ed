package fr.cite.platform.requests.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits requests filed without an account: at most {@value #MAX} per client address and town in a
 * sliding {@code WINDOW}, on this node (enough to stop a script; a shared limit needs several nodes
 * to agree and belongs in the proxy). Tracking-code lookups are limited the same way, which makes
 * guessing a code hopeless on top of its 60 random bits.
 */
@ApplicationScoped
public class SubmissionLimiter {

  static final int MAX = 10;
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final int MAX_KEYS = 100_000;

  private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /** Records an attempt; false when the client is over its limit. */
  public boolean allow(String kind, long tenantId, String client) {
    return attempt(kind, tenantId, client, true);
  }

  /**
   * Whether the client is still under its limit, recording nothing: for what counts only once it
   * succeeded ({@link #record}), so that refused input costs no attempt.
   */
  public boolean under(String kind, long tenantId, String client) {
    return attempt(kind, tenantId, client, false);
  }

  /** Records a success counted against the limit. */
  public void record(String kind, long tenantId, String client) {
    Deque<Long> times =
        recent.computeIfAbsent(kind + "|" + tenantId + "|" + client, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.millis());
    }
  }

  private boolean attempt(String kind, long tenantId, String client, boolean record) {
    long now = clock.millis();
    if (recent.size() > MAX_KEYS) {
      recent.clear();
    }
    Deque<Long> times =
        recent.computeIfAbsent(kind + "|" + tenantId + "|" + client, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() < now - WINDOW.toMillis()) {
        times.pollFirst();
      }
      if (times.size() >= MAX) {
        return false;
      }
      if (record) {
        times.addLast(now);
      }
      return true;
    }
  }
}
