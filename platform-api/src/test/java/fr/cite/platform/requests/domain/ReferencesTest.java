package fr.cite.platform.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  @Test
  void referencesCarryTheTownsInitialsTheYearAndANumber() {
    assertThat(References.format(References.prefix("le-havre"), 2026, 123))
        .isEqualTo("LH-2026-000123");
    assertThat(References.prefix("merignac")).isEqualTo("ME");
    assertThat(References.prefix("saint-martin-de-re")).isEqualTo("SMR");
    // Homonyms carry their department: it is not an initial.
    assertThat(References.prefix("saint-clair-46")).isEqualTo("SC");
    assertThat(References.prefix("sainte-lucie-de-tallano-2a")).isEqualTo("SLT");
  }

  @Test
  void trackingCodesAreRandomAndReadLeniently() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      codes.add(References.newTrackingCode());
    }
    assertThat(codes)
        .hasSize(1000)
        .allMatch(
            c -> c.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"));
    String hash = References.hash("LH-2026-000001", "AB10-CDEF-GH0K");
    assertThat(References.hash("LH-2026-000001", "ab1o cdef ghOk")).isEqualTo(hash);
    assertThat(References.hash("LH-2026-000002", "AB10-CDEF-GH0K")).isNotEqualTo(hash);
  }
}
