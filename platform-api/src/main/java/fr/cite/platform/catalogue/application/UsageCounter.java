package fr.cite.platform.catalogue.application;

import fr.cite.platform.config.CiteConfig;
import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Counts how citizens use each town's catalogue (procedure page views, e-service starts) in memory
 * and writes the counts every few seconds, one transaction per town, so that reading a page never
 * waits for a write and a busy procedure is not a hot row. Counts of the last interval are lost if
 * the server dies: they rank services, they bill nobody.
 */
@ApplicationScoped
public class UsageCounter {

  private static final Logger LOG = Logger.getLogger(UsageCounter.class.getName());

  /** What was counted. */
  public enum Kind {
    VIEW,
    START
  }

  record Key(TenantRef tenant, long procedureId, LocalDate day) {}

  /** Counts of one procedure on one day. */
  record Counts(LongAdder views, LongAdder starts) {
    Counts() {
      this(new LongAdder(), new LongAdder());
    }
  }

  /** A row to add to the usage table. */
  public record Increment(long procedureId, LocalDate day, long views, long starts) {}

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject TenantWork work;

  @Inject UsageStore store;

  @Inject Catalogue catalogue;

  @Inject CiteConfig config;

  private final AtomicReference<ConcurrentHashMap<Key, Counts>> pending =
      new AtomicReference<>(new ConcurrentHashMap<>());

  private final AtomicReference<ScheduledFuture<?>> flushing = new AtomicReference<>();

  record Miss(TenantRef tenant, String query, LocalDate day) {}

  private final AtomicReference<ConcurrentHashMap<Miss, LongAdder>> misses =
      new AtomicReference<>(new ConcurrentHashMap<>());

  /** A search that found nothing, folded (case, accents) so that variants count together. */
  public void recordMiss(TenantRef tenant, String query) {
    ensureScheduled();
    String folded =
        java.text.Normalizer.normalize(
                query.strip().toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("\\s+", " ");
    if (folded.isEmpty()) {
      return;
    }
    misses
        .get()
        .computeIfAbsent(
            new Miss(
                tenant,
                folded.length() > 200 ? folded.substring(0, 200) : folded,
                LocalDate.now(CatalogueQueries.TOWN_ZONE)),
            k -> new LongAdder())
        .increment();
  }

  /**
   * Counts a view or a start by a visitor: once per visitor, procedure, kind and day; nothing for
   * robots and prefetches (an empty visitor). Costs a hash and a few bit operations.
   */
  public void record(
      TenantRef tenant, long procedureId, Kind kind, java.util.Optional<UsageVisitor> visitor) {
    if (visitor.isEmpty()) {
      return;
    }
    LocalDate today = today();
    SeenToday seen = this.seen;
    if (!seen.day.equals(today)) {
      synchronized (this) {
        if (!this.seen.day.equals(today)) {
          this.seen = new SeenToday(today, SALTS.nextLong());
        }
        seen = this.seen;
      }
    }
    if (seen.firstTime(visitor.get(), tenant.id(), procedureId, kind)) {
      record(tenant, procedureId, kind);
    }
  }

  private static final java.security.SecureRandom SALTS = new java.security.SecureRandom();

  private volatile LocalDate today = LocalDate.now(CatalogueQueries.TOWN_ZONE);
  private volatile long todayEndsAt = endOf(today);

  /** Today in the towns' time zone, computed again only when the day is over. */
  private LocalDate today() {
    if (System.currentTimeMillis() >= todayEndsAt) {
      LocalDate now = LocalDate.now(CatalogueQueries.TOWN_ZONE);
      todayEndsAt = endOf(now);
      today = now;
    }
    return today;
  }

  private static long endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(CatalogueQueries.TOWN_ZONE).toInstant().toEpochMilli();
  }

  private volatile SeenToday seen =
      new SeenToday(LocalDate.now(CatalogueQueries.TOWN_ZONE), SALTS.nextLong());

  /**
   * Which (visitor, procedure, kind) were counted today, as a Bloom filter of 2^25 bits (4 MB,
   * whatever the number of towns) keyed by a salted hash: nothing personal is kept, and the salt
   * (never stored) is drawn again each day with a new filter. With a million distinct visits a day
   * one in five thousand is wrongly taken for a repeat; a repeat is never counted twice.
   */
  static final class SeenToday {
    private static final int BITS_LOG2 = 25;
    private static final long MASK = (1L << BITS_LOG2) - 1;
    private static final int HASHES = 4;

    final LocalDate day;
    private final long salt;
    private final java.util.concurrent.atomic.AtomicLongArray bits =
        new java.util.concurrent.atomic.AtomicLongArray(1 << (BITS_LOG2 - 6));

    SeenToday(LocalDate day, long salt) {
      this.day = day;
      this.salt = salt;
    }

    /** True the first time this visitor is seen with this procedure and kind today. */
    boolean firstTime(UsageVisitor v, long tenantId, long procedureId, Kind kind) {
      long h = salt;
      h = fnv(h, v.address());
      h = fnv(h ^ 0xff, v.browser());
      h = mix(h ^ mix(tenantId * 0x9E3779B97F4A7C15L + procedureId) ^ kind.ordinal());
      long step = mix(h ^ 0xC2B2AE3D27D4EB4FL) | 1;
      // Setting the bits of one key is not one atomic step: two requests of the same visitor at
      // the same instant could each set half of them and both count. The same key always takes
      // the same stripe, so they queue; different visitors rarely share one.
      synchronized (STRIPES[(int) (h >>> 58)]) {
        boolean added = false;
        for (int i = 0; i < HASHES; i++) {
          long index = (h + i * step) & MASK;
          int word = (int) (index >>> 6);
          long bit = 1L << (index & 63);
          long old;
          do {
            old = bits.get(word);
            if ((old & bit) != 0) {
              break;
            }
          } while (!bits.compareAndSet(word, old, old | bit));
          added |= (old & bit) == 0;
        }
        return added;
      }
    }

    private static final Object[] STRIPES = new Object[64];

    static {
      for (int i = 0; i < STRIPES.length; i++) {
        STRIPES[i] = new Object();
      }
    }

    private static long fnv(long h, String s) {
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001B3L;
      }
      return h;
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
      z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
      return z ^ (z >>> 33);
    }
  }

  void record(TenantRef tenant, long procedureId, Kind kind) {
    ensureScheduled();
    Counts c =
        pending
            .get()
            .computeIfAbsent(
                new Key(tenant, procedureId, LocalDate.now(CatalogueQueries.TOWN_ZONE)),
                k -> new Counts());
    (kind == Kind.VIEW ? c.views() : c.starts()).increment();
  }

  private void ensureScheduled() {
    if (flushing.get() == null) {
      synchronized (flushing) {
        if (flushing.get() == null) {
          long every = Math.max(1, config.usageFlushInterval().toMillis());
          flushing.set(
              scheduler.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS));
        }
      }
    }
  }

  /**
   * Writes what was counted since the last flush; a town whose write fails is logged, not retried.
   */
  public void flush() {
    flushMisses();
    Map<Key, Counts> taken = pending.getAndSet(new ConcurrentHashMap<>());
    if (taken.isEmpty()) {
      return;
    }
    Map<TenantRef, List<Increment>> byTown =
        taken.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.getKey().tenant(),
                    Collectors.mapping(
                        e ->
                            new Increment(
                                e.getKey().procedureId(),
                                e.getKey().day(),
                                e.getValue().views().sum(),
                                e.getValue().starts().sum()),
                        Collectors.toCollection(ArrayList::new))));
    byTown.forEach(
        (town, increments) -> {
          try {
            work.runAs(town, () -> store.add(increments));
            catalogue.usageRecorded(town.id());
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Usage counts of town " + town.slug() + " not written", e);
          }
        });
  }

  private void flushMisses() {
    Map<Miss, LongAdder> taken = misses.getAndSet(new ConcurrentHashMap<>());
    taken.entrySet().stream()
        .collect(Collectors.groupingBy(e -> e.getKey().tenant()))
        .forEach(
            (town, entries) -> {
              try {
                work.runAs(
                    town,
                    () ->
                        store.addMisses(
                            entries.stream()
                                .map(
                                    e ->
                                        new UsageStore.MissIncrement(
                                            e.getKey().query(),
                                            e.getKey().day(),
                                            e.getValue().sum()))
                                .toList()));
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Search misses of town " + town.slug() + " not written", e);
              }
            });
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> f = flushing.getAndSet(null);
    if (f != null) {
      f.cancel(false);
    }
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Last usage flush skipped at shutdown", e);
    }
  }
}
