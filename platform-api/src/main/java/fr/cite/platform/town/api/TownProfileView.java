package fr.cite.platform.town.api;

import java.util.List;

/** The current town's public profile, as {@code GET /api/v1/town} returns it. */
public record TownProfileView(
    String slug,
    String name,
    String inseeCode,
    String departement,
    List<String> postcodes,
    Integer population,
    String url,
    String defaultLocale,
    Branding branding,
    List<Office> offices) {

  /** Colours and logo URL (absent when the town has no logo yet). */
  public record Branding(String primaryColor, String secondaryColor, String logoUrl) {}

  /** A place to visit, call or write to. */
  public record Office(
      String name,
      String street,
      String postcode,
      String city,
      String phone,
      String email,
      String openingHours) {}
}
