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

  public void record(TenantRef tenant, long procedureId, Kind kind) {
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
