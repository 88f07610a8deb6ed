package fr.cite.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TownCacheTest {

  private final AtomicInteger loads = new AtomicInteger();

  private String load(long town) {
    return "town " + town + " #" + loads.incrementAndGet();
  }

  @Test
  void keepsAValuePerTownUntilEvicted() {
    TownCache<String> cache = new TownCache<>(Duration.ofMinutes(10), 100, Clock.systemUTC());
    String first = cache.get(1, () -> load(1));
    assertThat(cache.get(1, () -> load(1))).isEqualTo(first);
    cache.get(2, () -> load(2));
    cache.evict(1);
    assertThat(cache.get(1, () -> load(1))).isNotEqualTo(first);
    assertThat(loads).hasValue(3);
  }

  @Test
  void aValueLoadedWhileAnEvictionHappenedIsNotKept() {
    TownCache<String> cache = new TownCache<>(Duration.ofMinutes(10), 100, Clock.systemUTC());
    String stale =
        cache.get(
            1,
            () -> {
              cache.evict(1);
              return "read before the change committed";
            });
    assertThat(stale).isEqualTo("read before the change committed");
    assertThat(cache.get(1, () -> "fresh")).isEqualTo("fresh");
  }

  @Test
  void expiresAfterItsTimeToLive() {
    ExpiringCacheTest.MutableClock clock = new ExpiringCacheTest.MutableClock();
    Instant now = clock.now;
    TownCache<String> cache = new TownCache<>(Duration.ofSeconds(30), 100, clock);
    cache.get(1, () -> load(1));
    clock.now = now.plusSeconds(31);
    cache.get(1, () -> load(1));
    assertThat(loads).hasValue(2);
  }

  @Test
  void staysWithinItsBoundWhateverTheNumberOfTowns() {
    TownCache<String> cache = new TownCache<>(Duration.ofMinutes(10), 50, Clock.systemUTC());
    for (long town = 0; town < 5_000; town++) {
      long t = town;
      cache.get(t, () -> load(t));
    }
    assertThat(cache.size()).isLessThanOrEqualTo(50);
  }
}
