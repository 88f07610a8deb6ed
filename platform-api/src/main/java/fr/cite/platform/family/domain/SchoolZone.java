package fr.cite.platform.family.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The school-holiday zone of a town, from its département's académie (zones as fixed since 2016: A
 * Besançon, Bordeaux, Clermont-Ferrand, Dijon, Grenoble, Limoges, Lyon, Poitiers; B Aix-Marseille,
 * Amiens, Lille, Nancy-Metz, Nantes, Nice, Normandie, Orléans-Tours, Reims, Rennes, Strasbourg; C
 * Créteil, Montpellier, Paris, Toulouse, Versailles). Corsica and overseas have their own
 * calendars: no zone, the town enters its holidays as closures.
 */
public enum SchoolZone {
  A,
  B,
  C;

  private static final Map<String, SchoolZone> BY_DEPARTMENT = new HashMap<>();

  static {
    put(A, "25 39 70 90 24 33 40 47 64 03 15 43 63 21 58 71 89 07 26 38 73 74 19 23 87 01 42 69");
    put(A, "16 17 79 86");
    put(B, "04 05 13 84 02 60 80 59 62 54 55 57 88 44 49 53 72 85 06 83 14 27 50 61 76");
    put(B, "18 28 36 37 41 45 08 10 51 52 22 29 35 56 67 68");
    put(C, "77 93 94 11 30 34 48 66 75 09 12 31 32 46 65 81 82 78 91 92 95");
  }

  private static void put(SchoolZone zone, String departments) {
    for (String d : departments.split(" ")) {
      BY_DEPARTMENT.put(d, zone);
    }
  }

  /** The zone of a commune from its INSEE code (its first two characters are the département). */
  public static Optional<SchoolZone> ofInseeCode(String insee) {
    if (insee == null || insee.length() < 2) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_DEPARTMENT.get(insee.substring(0, 2)));
  }
}
