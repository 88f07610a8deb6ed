package fr.cite.portal.catalogue;

import fr.cite.platform.config.CiteConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catalogue pages as rendered for anonymous readers, per town, path and language. A page is valid
 * while everything it was rendered from is still the same object in its own cache (the town, its
 * catalogue, its profile, its usage ranking) and the day has not changed: any change to those
 * replaces the object, so a stale page is never served, without any explicit eviction. Bounded in
 * bytes; beyond, the oldest tenth is dropped.
 */
@ApplicationScoped
public class RenderedPages {

  /** Which page. */
  public record Key(long tenant, String path, String language) {}

  /** A rendered page and what it was rendered from. */
  public record Page(
      byte[] body, String contentType, List<Object> inputs, LocalDate day, long storedAt) {

    boolean renderedFrom(List<Object> current, LocalDate today) {
      if (!day.equals(today) || current.size() != inputs.size()) {
        return false;
      }
      for (int i = 0; i < inputs.size(); i++) {
        if (inputs.get(i) != current.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  @Inject CiteConfig config;

  private final ConcurrentHashMap<Key, Page> pages = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private long maxBytes;

  @PostConstruct
  void init() {
    maxBytes = config.pageCacheBytes();
  }

  public boolean enabled() {
    return maxBytes > 0;
  }

  public Optional<Page> find(Key key, List<Object> inputs, LocalDate today) {
    Page p = pages.get(key);
    return p != null && p.renderedFrom(inputs, today) ? Optional.of(p) : Optional.empty();
  }

  public void store(Key key, Page page) {
    if (page.body().length > maxBytes / 100) {
      return;
    }
    Page previous = pages.put(key, page);
    bytes.addAndGet(page.body().length - (previous == null ? 0 : previous.body().length));
    if (bytes.get() > maxBytes) {
      dropOldest();
    }
  }

  /** Bytes held, for tests and health. */
  public long size() {
    return bytes.get();
  }

  private synchronized void dropOldest() {
    int toDrop = Math.max(1, pages.size() / 10);
    pages.entrySet().stream()
        .sorted(Comparator.comparingLong(e -> e.getValue().storedAt()))
        .limit(toDrop)
        .map(Map.Entry::getKey)
        .toList()
        .forEach(
            k -> {
              Page removed = pages.remove(k);
              if (removed != null) {
                bytes.addAndGet(-removed.body().length);
              }
            });
  }
}
