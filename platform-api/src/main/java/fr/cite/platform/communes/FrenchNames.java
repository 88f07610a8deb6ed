package fr.cite.platform.communes;

/**
 * French grammar of commune names, driven by INSEE's "type de nom en clair" (TNCC): "Mairie du
 * Havre", "Mairie de La Rochelle" is wrong, "Mairie de la Rochelle" is right.
 */
public final class FrenchNames {

  private FrenchNames() {}

  /**
   * The name preceded by the right form of "de".
   *
   * @param name official name, with its article when it has one
   * @param tncc INSEE TNCC code 0..8
   */
  public static String withPreposition(String name, int tncc) {
    return switch (tncc) {
      case 1 -> "d'" + name;
      case 2 -> "du " + stripArticle(name, "Le ");
      case 3 -> "de la " + stripArticle(name, "La ");
      case 4 -> "des " + stripArticle(name, "Les ");
      case 5 -> "de l'" + stripArticle(name, "L'");
      case 6 -> "des " + stripArticle(name, "Aux ");
      default -> "de " + name;
    };
  }

  private static String stripArticle(String name, String article) {
    return name.startsWith(article) ? name.substring(article.length()) : name;
  }
}
