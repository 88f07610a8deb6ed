package fr.cite.platform.tenancy.application;

import fr.cite.platform.database.DatabaseAvailability;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * One value per town, kept for a time to live, dropped at once when the town's data changes, and
 * bounded in size: when full, the oldest tenth is dropped. A value loaded while an eviction
 * happened is returned but not kept, so a reader that started before a change never stores stale
 * data. While the database does not answer, an expired value is served as it was ({@link
 * DatabaseAvailability}).
 */
public final class TownCache<V> {

  private record Entry<V>(V value, long loadedAtMillis) {}

  private final ConcurrentHashMap<Long, Entry<V>> entries = new ConcurrentHashMap<>();

  /**
   * Evictions counted per stripe of towns, so that a change in one town (or a burst of them, as
   * onboarding writes a catalogue) does not stop other towns' loads from being kept.
   */
  private final AtomicLongArray evictions = new AtomicLongArray(64);

  private final long ttlMillis;
  private final int maxTowns;
  private final Clock clock;

  public TownCache(Duration ttl, int maxTowns, Clock clock) {
    this.ttlMillis = ttl.toMillis();
    this.maxTowns = Math.max(1, maxTowns);
    this.clock = clock;
  }

  public V get(long town, Supplier<V> loader) {
    long now = clock.millis();
    Entry<V> e = entries.get(town);
    if (e != null && now - e.loadedAtMillis() < ttlMillis) {
      return e.value();
    }
    if (e != null && DatabaseAvailability.knownUnavailable()) {
      return e.value(); // stale, but what the database said last: better than nothing
    }
    int stripe = stripe(town);
    long generation = evictions.get(stripe);
    V loaded;
    try {
      loaded = loader.get();
    } catch (RuntimeException failure) {
      if (e != null && DatabaseAvailability.isUnavailability(failure)) {
        DatabaseAvailability.failed();
        return e.value();
      }
      throw failure;
    }
    if (evictions.get(stripe) == generation) {
      if (entries.size() >= maxTowns) {
        dropOldest();
      }
      entries.put(town, new Entry<>(loaded, now));
    }
    return loaded;
  }

  public void evict(long town) {
    evictions.incrementAndGet(stripe(town));
    entries.remove(town);
  }

  private int stripe(long town) {
    return (int) Math.floorMod(town, (long) evictions.length());
  }

  public int size() {
    return entries.size();
  }

  private void dropOldest() {
    int toDrop = Math.max(1, maxTowns / 10);
    entries.entrySet().stream()
        .sorted(Comparator.comparingLong(x -> x.getValue().loadedAtMillis()))
        .limit(toDrop)
        .map(Map.Entry::getKey)
        .toList()
        .forEach(entries::remove);
  }
}
