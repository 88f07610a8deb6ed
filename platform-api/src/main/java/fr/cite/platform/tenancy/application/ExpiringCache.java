package fr.cite.platform.tenancy.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small time-bounded, size-bounded cache, enough for host resolution: entries live for a fixed
 * time, absent values are cached too (so a scanner hammering unknown hosts costs one query per host
 * and period), and when the cache reaches its bound it is emptied, keeping memory bounded whatever
 * the traffic. Safe for concurrent use.
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
    Optional<V> loaded = loader.apply(key);
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
