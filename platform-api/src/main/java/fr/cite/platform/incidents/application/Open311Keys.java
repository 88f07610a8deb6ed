package fr.cite.platform.incidents.application;

import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The keys a town issues to partner apps for Open311's {@code POST requests}: shown once when
 * issued, kept as their SHA-256, revocable.
 */
@ApplicationService
public class Open311Keys {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  /** A key issued: its id, and the key itself (shown once). */
  public record Issued(long id, String key) {}

  /** A key as the console lists it (never the key). */
  public record Key(long id, String name, java.time.Instant createdAt, boolean revoked) {}

  public Issued issue(String name) {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String key = "o311_" + HexFormat.of().formatHex(raw);
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into incident_api_key (id, name, key_hash, created_at) values"
                        + " (nextval('incident_seq'), ?1, ?2, now()) returning id")
                .setParameter(1, name)
                .setParameter(2, sha256(key))
                .getSingleResult();
    return new Issued(id.longValue(), key);
  }

  public List<Key> keys() {
    return IncidentSql.rows(
            em.createNativeQuery(
                "select id, name, created_at, revoked_at is not null from incident_api_key"
                    + " order by id"))
        .stream()
        .map(
            r ->
                new Key(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    IncidentSql.instant(r[2]),
                    (Boolean) r[3]))
        .toList();
  }

  public void revoke(long id) {
    if (em.createNativeQuery(
                "update incident_api_key set revoked_at = now() where id = ?1 and revoked_at is"
                    + " null")
            .setParameter(1, id)
            .executeUpdate()
        == 0) {
      throw ProblemException.notFound("incident-key-not-found", id);
    }
  }

  /** The name of the partner whose valid key this is, in this town. */
  public java.util.Optional<String> partner(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return java.util.Optional.empty();
    }
    return IncidentSql.values(
            em.createNativeQuery(
                    "select name from incident_api_key where key_hash = ?1 and revoked_at is null")
                .setParameter(1, sha256(key)))
        .stream()
        .map(String.class::cast)
        .findFirst();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
