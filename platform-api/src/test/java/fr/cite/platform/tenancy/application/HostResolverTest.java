package fr.cite.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cite.platform.tenancy.domain.HexColor;
import fr.cite.platform.tenancy.domain.TenantStatus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostResolverTest {

  static TenantSnapshot town(long id, String slug, TenantStatus status) {
    return new TenantSnapshot(
        id,
        slug,
        slug,
        0,
        "76351",
        status,
        HexColor.of("#000091"),
        HexColor.of("#c9191e"),
        "fr",
        true,
        true);
  }

  final TenantSnapshot leHavre = town(1, "le-havre", TenantStatus.LIVE);
  final TenantSnapshot merignac = town(2, "merignac", TenantStatus.TRIAL);
  final TenantSnapshot closed = town(3, "closed-town", TenantStatus.SUSPENDED);

  final HostResolver resolver =
      new HostResolver(
          "cite.example.fr",
          slug ->
              Optional.ofNullable(
                  Map.of("le-havre", leHavre, "merignac", merignac, "closed-town", closed)
                      .get(slug)),
          host -> Optional.ofNullable(Map.of("demarches.merignac.fr", merignac).get(host)));

  @Test
  void findsATownByItsPlatformHost() {
    assertThat(resolver.resolve("le-havre.cite.example.fr"))
        .isEqualTo(new HostResolution.Town(leHavre));
  }

  @Test
  void ignoresPortCaseAndTrailingDot() {
    assertThat(resolver.resolve("Le-Havre.Cite.Example.FR.:8443"))
        .isEqualTo(new HostResolution.Town(leHavre));
  }

  @Test
  void findsATownByItsVerifiedCustomDomain() {
    assertThat(resolver.resolve("demarches.merignac.fr"))
        .isEqualTo(new HostResolution.Town(merignac));
  }

  @Test
  void recognisesThePlatformHost() {
    assertThat(resolver.resolve("cite.example.fr:80")).isInstanceOf(HostResolution.Platform.class);
  }

  @Test
  void reportsUnknownHostsWithoutServingAnyTown() {
    assertThat(resolver.resolve("nowhere.cite.example.fr"))
        .isInstanceOf(HostResolution.Unknown.class);
    assertThat(resolver.resolve("le-havre.evil.example"))
        .isInstanceOf(HostResolution.Unknown.class);
    assertThat(resolver.resolve("a.le-havre.cite.example.fr"))
        .isInstanceOf(HostResolution.Unknown.class);
    assertThat(resolver.resolve("")).isInstanceOf(HostResolution.Unknown.class);
    assertThat(resolver.resolve(null)).isInstanceOf(HostResolution.Unknown.class);
    assertThat(resolver.resolve("[::1]:8080")).isInstanceOf(HostResolution.Unknown.class);
    assertThat(resolver.resolve("le_havre.cite.example.fr"))
        .isInstanceOf(HostResolution.Unknown.class);
  }

  @Test
  void marksSuspendedTownsSoThatNothingOfThemIsServed() {
    assertThat(resolver.resolve("closed-town.cite.example.fr"))
        .isEqualTo(new HostResolution.Suspended(closed));
  }

  @Test
  void localhostWorksAsBaseDomainForDevelopment() {
    HostResolver dev =
        new HostResolver(
            "localhost",
            s -> s.equals("le-havre") ? Optional.of(leHavre) : Optional.empty(),
            h -> Optional.empty());
    assertThat(dev.resolve("le-havre.localhost:8080")).isEqualTo(new HostResolution.Town(leHavre));
    assertThat(dev.resolve("localhost:8080")).isInstanceOf(HostResolution.Platform.class);
    assertThat(dev.platformHostOf("le-havre")).isEqualTo("le-havre.localhost");
  }
}
