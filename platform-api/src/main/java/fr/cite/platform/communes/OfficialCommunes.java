package fr.cite.platform.communes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The official list of communes shipped with the platform (see {@code ATTRIBUTION.md} beside the
 * data), with the slug each current commune gets.
 *
 * <p>Slugs are decided once for the whole list, so they never depend on the order in which towns
 * are onboarded: among communes whose names fold to the same slug, the most populous keeps the
 * plain slug ({@code merignac} is the Gironde town of 78,000 people) and the others get their
 * département ({@code merignac-16}, {@code merignac-17}); if that still collides, the INSEE code is
 * used.
 */
public final class OfficialCommunes {

  /** Host labels a town may never take, because the platform uses or may use them. */
  static final Set<String> RESERVED =
      Set.of(
          "www",
          "api",
          "admin",
          "static",
          "assets",
          "mail",
          "smtp",
          "auth",
          "login",
          "keycloak",
          "platform",
          "status",
          "cdn",
          "docs");

  private final Map<String, Commune> current;
  private final Map<String, String> slugs;
  private final Map<String, String[]> former;

  private OfficialCommunes(Map<String, Commune> current, Map<String, String[]> former) {
    this.current = current;
    this.former = former;
    this.slugs = assignSlugs(current.values());
  }

  /** Reads the list shipped in this jar. Takes about a quarter of a second. */
  public static OfficialCommunes load() {
    Map<String, Commune> current = new HashMap<>(48_000);
    readTsv(
        "communes.tsv.gz",
        f -> {
          List<String> postcodes = f[6].isBlank() ? List.of() : Arrays.asList(f[6].split(" "));
          Commune c =
              new Commune(
                  f[0],
                  f[1],
                  f[2].isBlank() ? 0 : Integer.parseInt(f[2]),
                  f[3],
                  emptyToNull(f[4]),
                  emptyToNull(f[5]),
                  postcodes,
                  f.length > 7 && !f[7].isBlank() ? Integer.valueOf(f[7]) : null);
          current.put(c.inseeCode(), c);
        });
    Map<String, String[]> former = new HashMap<>(6_000);
    readTsv("former-communes.tsv.gz", f -> former.put(f[0], f));
    return new OfficialCommunes(Collections.unmodifiableMap(current), former);
  }

  /** What the list says about a code typed by someone: current, former, unknown or malformed. */
  public CommuneLookup lookup(String rawCode) {
    String code = InseeCode.normalise(rawCode);
    if (!InseeCode.isWellFormed(code)) {
      return new CommuneLookup.Malformed(rawCode);
    }
    Commune commune = current.get(code);
    if (commune != null) {
      return new CommuneLookup.Current(commune, slugs.get(code));
    }
    String[] old = former.get(code);
    if (old != null && current.containsKey(old[3])) {
      return new CommuneLookup.Former(code, old[1], old[2], current.get(old[3]));
    }
    return new CommuneLookup.Unknown(code);
  }

  public Optional<Commune> find(String inseeCode) {
    return Optional.ofNullable(current.get(InseeCode.normalise(inseeCode)));
  }

  public String slugOf(String inseeCode) {
    return slugs.get(inseeCode);
  }

  /**
   * Communes matching what an operator typed: an INSEE code, the start of a postcode, or part of
   * the name (accents, case and punctuation ignored); names starting with the text first, then the
   * most populous.
   */
  public List<Commune> search(String text, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String t = text.strip();
    String folded = Slugs.fold(t);
    boolean digits = t.matches("[0-9AaBb]{2,5}");
    java.util.Comparator<Commune> order =
        java.util.Comparator.<Commune>comparingInt(c -> c.inseeCode().equalsIgnoreCase(t) ? 0 : 1)
            .thenComparingInt(c -> slugOf(c.inseeCode()).startsWith(folded) ? 0 : 1)
            .thenComparing(
                c -> c.population() == null ? 0 : c.population(),
                java.util.Comparator.reverseOrder())
            .thenComparing(Commune::inseeCode);
    return current.values().stream()
        .filter(
            c ->
                (!folded.isEmpty() && slugOf(c.inseeCode()).contains(folded))
                    || (digits
                        && (c.inseeCode().equalsIgnoreCase(t)
                            || c.postcodes().stream().anyMatch(p -> p.startsWith(t)))))
        .sorted(order)
        .limit(limit)
        .toList();
  }

  public Collection<Commune> all() {
    return current.values();
  }

  public int size() {
    return current.size();
  }

  static Map<String, String> assignSlugs(Collection<Commune> communes) {
    Map<String, List<Commune>> byBase =
        communes.stream().collect(Collectors.groupingBy(c -> Slugs.fold(c.name())));
    Map<String, String> slugByCode = new HashMap<>(communes.size() * 2);
    Map<String, String> codeBySlug = new HashMap<>(communes.size() * 2);
    List<Commune> needDepartement = new ArrayList<>();
    Comparator<Commune> mostPopulousFirst =
        Comparator.comparing((Commune c) -> c.population() == null ? -1 : c.population())
            .reversed()
            .thenComparing(Commune::inseeCode);
    for (var entry : byBase.entrySet()) {
      List<Commune> homonyms = new ArrayList<>(entry.getValue());
      homonyms.sort(mostPopulousFirst);
      int first = 0;
      if (!RESERVED.contains(entry.getKey()) && !entry.getKey().isEmpty()) {
        claim(entry.getKey(), homonyms.get(0), slugByCode, codeBySlug);
        first = 1;
      }
      needDepartement.addAll(homonyms.subList(first, homonyms.size()));
    }
    needDepartement.sort(mostPopulousFirst);
    for (Commune c : needDepartement) {
      String base = Slugs.fold(c.name());
      String candidate = join(base, c.departement().toLowerCase(java.util.Locale.ROOT));
      if (codeBySlug.containsKey(candidate)) {
        candidate = join(base, c.inseeCode().toLowerCase(java.util.Locale.ROOT));
      }
      claim(candidate, c, slugByCode, codeBySlug);
    }
    return Collections.unmodifiableMap(slugByCode);
  }

  private static String join(String base, String suffix) {
    String b = base.isEmpty() ? "commune" : base;
    int room = Slugs.MAX_LENGTH - suffix.length() - 1;
    if (b.length() > room) {
      b = b.substring(0, room).replaceAll("-+$", "");
    }
    return b + "-" + suffix;
  }

  private static void claim(
      String slug, Commune c, Map<String, String> slugByCode, Map<String, String> codeBySlug) {
    String previous = codeBySlug.putIfAbsent(slug, c.inseeCode());
    if (previous != null) {
      throw new IllegalStateException("Slug " + slug + " claimed twice: " + previous + ", " + c);
    }
    slugByCode.put(c.inseeCode(), slug);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void readTsv(String name, Consumer<String[]> row) {
    try (InputStream raw = OfficialCommunes.class.getResourceAsStream(name)) {
      if (raw == null) {
        throw new IllegalStateException("Missing data file " + name);
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          row.accept(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
