package fr.cite.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void loadsOncePerPeriodIncludingAbsentValues() {
    MutableClock clock = new MutableClock();
    ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(30), 10, clock);
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      cache.get(
          "unknown",
          k -> {
            loads.incrementAndGet();
            return Optional.empty();
          });
    }
    assertThat(loads).hasValue(1);
    clock.now = clock.now.plusSeconds(31);
    cache.get(
        "unknown",
        k -> {
          loads.incrementAndGet();
          return Optional.of("now known");
        });
    assertThat(cache.get("unknown", k -> Optional.empty())).contains("now known");
    assertThat(loads).hasValue(2);
  }

  @Test
  void neverHoldsMoreThanItsBound() {
    ExpiringCache<Integer, Integer> cache =
        new ExpiringCache<>(Duration.ofMinutes(5), 100, Clock.systemUTC());
    for (int i = 0; i < 10_000; i++) {
      final int v = i;
      cache.get(i, k -> Optional.of(v));
      assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void forgetsEverythingWhenInvalidated() {
    ExpiringCache<String, String> cache =
        new ExpiringCache<>(Duration.ofMinutes(5), 100, Clock.systemUTC());
    cache.get("a", k -> Optional.of("old"));
    cache.invalidateAll();
    assertThat(cache.get("a", k -> Optional.of("new"))).contains("new");
  }
}
