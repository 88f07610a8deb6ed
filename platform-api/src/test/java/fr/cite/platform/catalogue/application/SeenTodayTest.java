package fr.cite.platform.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SeenTodayTest {

  @Test
  void aVisitorIsCountedOnceEvenWhenItsRequestsArriveTogether() throws Exception {
    UsageCounter.SeenToday seen = new UsageCounter.SeenToday(LocalDate.of(2026, 12, 2), 42L);
    int keys = 20_000;
    AtomicIntegerArray counted = new AtomicIntegerArray(keys);
    CyclicBarrier start = new CyclicBarrier(8);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                for (int k = 0; k < keys; k++) {
                  UsageVisitor v = new UsageVisitor("203.0.113." + (k % 250), "Mozilla/5.0 " + k);
                  if (seen.firstTime(v, 7L, 1_000L + k, UsageCounter.Kind.VIEW)) {
                    counted.incrementAndGet(k);
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int once = 0;
    for (int k = 0; k < keys; k++) {
      assertThat(counted.get(k)).as("visitor %d", k).isLessThanOrEqualTo(1);
      once += counted.get(k);
    }
    // A Bloom filter may take a few new visitors for repeats; at this size hardly any.
    assertThat(once).isGreaterThan(keys - 20);
  }
}
