package fr.cite.platform.incidents.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A town's Base Adresse Locale, the CSV format communes publish (AITF "BAL" 1.3/1.4: semicolons,
 * UTF-8, one row per address position; columns found by their header names, in any order): each
 * address with its number, suffix, street, position in WGS84, and the town it belongs to. Rows that
 * cannot be used are reported with their line and reason, never guessed; {@code numero} 99999 is a
 * street or place without a number (a "toponyme"), kept for search.
 */
public final class BaseAdresseLocale {

  private BaseAdresseLocale() {}

  /** An address of the town. */
  public record Address(
      String key, String number, String street, String place, String insee, GeoPoint point) {

    /** As a citizen reads it: {@code 12 bis rue de Paris}. */
    public String label() {
      return (number.isEmpty() ? "" : number + " ")
          + street
          + (place.isEmpty() ? "" : ", " + place);
    }
  }

  /** A row left out, and why. */
  public record Rejected(int line, String reason) {}

  /** What a file gave. */
  public record Parsed(List<Address> addresses, List<Rejected> rejected) {}

  static final List<String> REQUIRED =
      List.of("voie_nom", "numero", "commune_insee", "long", "lat");

  /**
   * Reads a BAL file for the commune {@code insee}: rows of another commune are rejected (a merged
   * commune's delegated ones are its own).
   *
   * @throws IllegalArgumentException when the header lacks a required column
   */
  public static Parsed parse(Reader in, String insee) throws IOException {
    BufferedReader r = new BufferedReader(in);
    String header = r.readLine();
    if (header == null) {
      throw new IllegalArgumentException("Empty file");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    Map<String, Integer> column = new HashMap<>();
    String[] names = header.split(";", -1);
    for (int i = 0; i < names.length; i++) {
      column.put(names[i].strip().toLowerCase(Locale.ROOT), i);
    }
    for (String required : REQUIRED) {
      if (!column.containsKey(required)) {
        throw new IllegalArgumentException("Missing column " + required);
      }
    }
    List<Address> addresses = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    String row;
    int line = 1;
    while ((row = r.readLine()) != null) {
      line++;
      if (row.isBlank()) {
        continue;
      }
      String[] f = row.split(";", -1);
      String street = field(f, column, "voie_nom");
      String numero = field(f, column, "numero");
      String commune = field(f, column, "commune_insee");
      if (street.isEmpty()) {
        rejected.add(new Rejected(line, "voie_nom vide"));
        continue;
      }
      if (!commune.equals(insee)) {
        rejected.add(new Rejected(line, "commune " + commune + ", pas " + insee));
        continue;
      }
      double lat;
      double lon;
      try {
        lat = Double.parseDouble(field(f, column, "lat").replace(',', '.'));
        lon = Double.parseDouble(field(f, column, "long").replace(',', '.'));
      } catch (NumberFormatException e) {
        rejected.add(new Rejected(line, "position illisible"));
        continue;
      }
      if (!GeoPoint.valid(lat, lon)) {
        rejected.add(new Rejected(line, "position hors du globe"));
        continue;
      }
      if (!numero.matches("\\d{1,5}")) {
        rejected.add(new Rejected(line, "numéro « " + numero + " »"));
        continue;
      }
      String number =
          "99999".equals(numero)
              ? ""
              : (Integer.parseInt(numero) + " " + field(f, column, "suffixe")).strip();
      addresses.add(
          new Address(
              field(f, column, "cle_interop"),
              number,
              street,
              field(f, column, "lieudit_complement_nom"),
              commune,
              new GeoPoint(lat, lon)));
    }
    return new Parsed(List.copyOf(addresses), List.copyOf(rejected));
  }

  private static String field(String[] f, Map<String, Integer> column, String name) {
    Integer i = column.get(name);
    return i == null || i >= f.length ? "" : f[i].strip();
  }

  /** Lower case, accents and punctuation gone: what an address search compares, word by word. */
  public static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", " ")
        .strip();
  }
}
