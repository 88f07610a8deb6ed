package fr.cite.platform.incidents.application;

import fr.cite.platform.incidents.domain.BaseAdresseLocale;
import fr.cite.platform.incidents.domain.GeoPoint;
import fr.cite.platform.incidents.domain.LocalMetres;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TownRegistry;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A town's addresses: its Base Adresse Locale imported by an administrator (the whole file replaces
 * the previous one, or nothing changes), the address of a point (the nearest within 60 m) and
 * address search while typing. Without a BAL, the deployment's geocoder when one is configured
 * ({@link Geocoder}); without either, the citizen's typed address and the point are enough.
 */
@ApplicationService
public class IncidentAddresses {

  /** How far the "address of this point" may be from it. */
  static final double REVERSE_METRES = 60;

  /** Rows inserted per statement. */
  static final int CHUNK = 2_000;

  /** Rejected rows kept to show (the count is always whole). */
  static final int REJECTIONS_KEPT = 100;

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject TownRegistry towns;

  @Inject IncidentSetup setup;

  @Inject Geocoder geocoder;

  /** An address as the portal offers it. */
  public record Found(String label, double lat, double lon, String source) {}

  /** What the last import did. */
  public record Imported(
      Instant importedAt,
      String importedBy,
      String fileName,
      int addresses,
      int rejected,
      List<BaseAdresseLocale.Rejected> rejections) {}

  /**
   * Replaces the town's addresses with those of a BAL file. A file with no usable row (wrong
   * commune, wrong format) changes nothing and is refused with its first reasons.
   */
  public Imported importBal(Reader file, String fileName, String importedBy) throws IOException {
    String insee = towns.findBySlug(tenant.require().slug()).inseeCode();
    BaseAdresseLocale.Parsed parsed;
    try {
      parsed = BaseAdresseLocale.parse(file, insee);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw message.startsWith("Missing column ")
          ? ProblemException.unprocessable(
              "incident-bal-column", message.substring("Missing column ".length()))
          : ProblemException.unprocessable("incident-bal-unreadable");
    }
    if (parsed.addresses().isEmpty()) {
      String first =
          parsed.rejected().isEmpty()
              ? "—"
              : parsed.rejected().get(0).line() + " : " + parsed.rejected().get(0).reason();
      throw ProblemException.unprocessable("incident-bal-empty", insee, first);
    }
    LocalMetres plane = setup.plane();
    // An import's statements, not a page's: the pool's 5 s would cut a town's words short on a busy
    // server (stop 24's CI). The transaction's own setting, gone at its end.
    em.createNativeQuery("select set_config('statement_timeout', '120000', true)")
        .getSingleResult();
    em.createNativeQuery("delete from incident_address_word").executeUpdate();
    em.createNativeQuery("delete from incident_address").executeUpdate();
    List<BaseAdresseLocale.Address> all = parsed.addresses();
    for (int from = 0; from < all.size(); from += CHUNK) {
      insert(all.subList(from, Math.min(all.size(), from + CHUNK)), from, plane);
    }
    em.createNativeQuery(
            "insert into incident_address_word (word, address_id) select distinct w, a.id from"
                + " incident_address a, unnest(string_to_array(a.folded, ' ')) w where w <> ''")
        .executeUpdate();
    JsonArrayBuilder kept = Json.createArrayBuilder();
    parsed.rejected().stream()
        .limit(REJECTIONS_KEPT)
        .forEach(
            r ->
                kept.add(
                    Json.createObjectBuilder().add("line", r.line()).add("reason", r.reason())));
    em.createNativeQuery(
            "insert into incident_address_import (imported_at, imported_by, file_name, addresses,"
                + " rejected, rejections) values (now(), ?1, ?2, ?3, ?4, cast(?5 as jsonb)) on"
                + " conflict (tenant_id) do update set imported_at = excluded.imported_at,"
                + " imported_by = excluded.imported_by, file_name = excluded.file_name, addresses"
                + " = excluded.addresses, rejected = excluded.rejected, rejections ="
                + " excluded.rejections")
        .setParameter(1, importedBy == null ? "" : importedBy)
        .setParameter(2, fileName == null ? "" : fileName)
        .setParameter(3, all.size())
        .setParameter(4, parsed.rejected().size())
        .setParameter(5, kept.build().toString())
        .executeUpdate();
    return lastImport().orElseThrow();
  }

  private void insert(List<BaseAdresseLocale.Address> rows, int offset, LocalMetres plane) {
    JsonArrayBuilder json = Json.createArrayBuilder();
    int i = offset;
    for (BaseAdresseLocale.Address a : rows) {
      json.add(
          Json.createObjectBuilder()
              .add("id", ++i)
              .add("k", a.key())
              .add("n", a.number())
              .add("s", a.street())
              .add("p", a.place())
              .add("i", a.insee())
              .add("lat", a.point().lat())
              .add("lon", a.point().lon())
              .add("x", plane.x(a.point()))
              .add("y", plane.y(a.point()))
              .add("l", a.label())
              .add("f", BaseAdresseLocale.fold(a.label())));
    }
    em.createNativeQuery(
            "insert into incident_address (id, bal_key, number, street, place, insee, lat, lon,"
                + " geo, label, folded) select r.id, nullif(r.k, ''), r.n, r.s, r.p, r.i, r.lat,"
                + " r.lon, point(r.x, r.y), r.l, r.f from jsonb_to_recordset(cast(?1 as jsonb)) as"
                + " r(id bigint, k text, n text, s text, p text, i text, lat float8, lon float8, x"
                + " float8, y float8, l text, f text)")
        .setParameter(1, json.build().toString())
        .executeUpdate();
  }

  /** The last import, if the town made one. */
  public Optional<Imported> lastImport() {
    List<?> rows =
        em.createNativeQuery(
                "select imported_at, imported_by, file_name, addresses, rejected,"
                    + " cast(rejections as text) from incident_address_import")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    List<BaseAdresseLocale.Rejected> rejections = new ArrayList<>();
    try (var reader = Json.createReader(new java.io.StringReader((String) r[5]))) {
      reader
          .readArray()
          .forEach(
              v ->
                  rejections.add(
                      new BaseAdresseLocale.Rejected(
                          v.asJsonObject().getInt("line"), v.asJsonObject().getString("reason"))));
    }
    return Optional.of(
        new Imported(
            instant(r[0]),
            (String) r[1],
            (String) r[2],
            ((Number) r[3]).intValue(),
            ((Number) r[4]).intValue(),
            List.copyOf(rejections)));
  }

  /** Whether the town has addresses of its own. */
  public boolean hasOwn() {
    return !em.createNativeQuery("select 1 from incident_address limit 1")
        .getResultList()
        .isEmpty();
  }

  /** The address of a point: the town's nearest within 60 m, else the geocoder's, else none. */
  public Optional<Found> at(GeoPoint p) {
    LocalMetres plane = setup.plane();
    double x = plane.x(p);
    double y = plane.y(p);
    List<?> rows =
        em.createNativeQuery(
                "select label, lat, lon, geo <-> point(?2, ?3) from incident_address where"
                    + " tenant_id = ?1 and number <> '' order by geo <-> point(?2, ?3) limit 1")
            .setParameter(1, tenant.require().id())
            .setParameter(2, x)
            .setParameter(3, y)
            .getResultList();
    if (!rows.isEmpty()) {
      Object[] r = (Object[]) rows.get(0);
      if (((Number) r[3]).doubleValue() <= REVERSE_METRES) {
        return Optional.of(found(r, "bal"));
      }
      return Optional.empty();
    }
    return geocoder.configured() ? geocoder.reverse(p, insee()) : Optional.empty();
  }

  /**
   * Addresses whose label holds every word typed (the last one as the start of a word: "12 rue pa"
   * finds "12 rue de Paris"), numbers exact; the town's own first, else the geocoder's.
   */
  public List<Found> search(String typed, int limit) {
    List<String> words =
        Arrays.stream(BaseAdresseLocale.fold(typed == null ? "" : typed).split(" "))
            .filter(w -> !w.isEmpty())
            .distinct()
            .limit(6)
            .toList();
    if (words.isEmpty() || words.stream().mapToInt(String::length).sum() < 3) {
      return List.of();
    }
    if (!hasOwn()) {
      return geocoder.configured() ? geocoder.search(typed.strip(), insee(), limit) : List.of();
    }
    // The index serves the longest word; the others are checked on the addresses it gives.
    String key =
        words.stream()
            .filter(w -> !w.chars().allMatch(Character::isDigit))
            .max(Comparator.comparingInt(String::length))
            .orElse(words.get(0));
    boolean keyIsNumber = key.chars().allMatch(Character::isDigit);
    StringBuilder sql =
        new StringBuilder(
            "select a.label, a.lat, a.lon from incident_address a where a.tenant_id = :t and a.id in"
                + " (select w.address_id from incident_address_word w where w.tenant_id = :t and ");
    sql.append(keyIsNumber ? "w.word = :k)" : "w.word >= :k and w.word < :kEnd)");
    int n = 0;
    for (String w : words) {
      if (w.equals(key)) {
        continue;
      }
      sql.append(" and position(:w").append(n).append(" in (' ' || a.folded || ' ')) > 0");
      n++;
    }
    sql.append(
        " order by a.number = '', a.street, length(a.number), a.number, a.place limit :limit");
    var q =
        em.createNativeQuery(sql.toString())
            .setParameter("t", tenant.require().id())
            .setParameter("k", key)
            .setParameter("limit", limit);
    if (!keyIsNumber) {
      q.setParameter("kEnd", key + "{");
    }
    n = 0;
    for (String w : words) {
      if (w.equals(key)) {
        continue;
      }
      boolean number = w.chars().allMatch(Character::isDigit);
      q.setParameter("w" + n, number ? " " + w + " " : " " + w);
      n++;
    }
    return q.getResultList().stream().map(r -> found((Object[]) r, "bal")).toList();
  }

  private String insee() {
    return towns.findBySlug(tenant.require().slug()).inseeCode();
  }

  private static Found found(Object[] r, String source) {
    return new Found(
        (String) r[0], ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue(), source);
  }

  private static Instant instant(Object o) {
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    return ((java.sql.Timestamp) o).toInstant();
  }
}
