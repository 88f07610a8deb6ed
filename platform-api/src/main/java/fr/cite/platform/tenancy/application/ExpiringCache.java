package fr.cite.platform.tenancy.application;

import fr.cite.platform.database.DatabaseAvailability;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small time-bounded, size-bounded cache, enough for host resolution: entries live for a fixed
 * time, absent values are cached too (so a scanner hammering unknown hosts costs one query per host
 * and period), and when the cache reaches its bound it is emptied, keeping memory bounded whatever
 * the traffic. While the database does not answer, an expired entry is served as it was ({@link
 * DatabaseAvailability}). Safe for concurrent use.
 */
public final class ExpiringCache<K, V> {

  private record Entry<V>(Optional<V> value, long expiresAtMillis) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlMillis;
  private final int maxEntries;
  private final Clock clock;

  public ExpiringCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttlMillis = ttl.toMillis();
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  public Optional<V> get(K key, Function<K, Optional<V>> loader) {
    long now = clock.millis();
    Entry<V> e = entries.get(key);
    if (e != null && e.expiresAtMillis() > now) {
      return e.value();
    }
    if (e != null && DatabaseAvailability.knownUnavailable()) {
      return e.value(); // stale, but what the database said last: better than nothing
    }
    Optional<V> loaded;
    try {
      loaded = loader.apply(key);
    } catch (RuntimeException failure) {
      if (e != null && DatabaseAvailability.isUnavailability(failure)) {
        DatabaseAvailability.failed();
        return e.value();
      }
      throw failure;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry<>(loaded, now + ttlMillis));
    return loaded;
  }

  public void invalidateAll() {
    entries.clear();
  }

  public int size() {
    return entries.size();
  }
}
