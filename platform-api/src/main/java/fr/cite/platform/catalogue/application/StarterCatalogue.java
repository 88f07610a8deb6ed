package fr.cite.platform.catalogue.application;

import fr.cite.platform.catalogue.domain.Audience;
import fr.cite.platform.catalogue.domain.ChannelKind;
import fr.cite.platform.catalogue.domain.ChannelSpec;
import fr.cite.platform.catalogue.domain.Highlight;
import fr.cite.platform.catalogue.domain.NewsItem;
import fr.cite.platform.catalogue.domain.ProcedureContent;
import fr.cite.platform.catalogue.domain.Theme;
import fr.cite.platform.catalogue.domain.UsefulLink;
import fr.cite.platform.i18n.LocalizedText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalogue every new town starts from, written for Cité in French with English translations
 * ({@code starter-catalogue.json}): themes, audiences, procedures with their channels, highlights
 * and news. Placeholders name the town ({@code {ville}}, {@code {mairie}}) and its town hall's
 * address; the town edits everything afterwards. Reading it needs no database, so tests check it.
 */
public final class StarterCatalogue {

  static final String RESOURCE = "/fr/cite/platform/catalogue/starter-catalogue.json";

  /** What the placeholders stand for in one town. */
  public record Town(String name, String townHall, String address, String phone) {}

  /** A procedure with the slugs it refers to, resolved when stored. */
  public record StarterProcedure(String slug, ProcedureChanges changes) {}

  /** A highlight dated relative to the day the town is onboarded. */
  public record StarterHighlight(
      LocalizedText title,
      LocalizedText text,
      String link,
      int startsInDays,
      int endsInDays,
      int priority) {}

  /** A news item dated relative to the onboarding day. */
  public record StarterNews(LocalizedText title, LocalizedText summary, String link, int daysAgo) {}

  /** A theme with its parent's slug (null for a top-level theme). */
  public record StarterTheme(
      String slug, String parent, LocalizedText name, LocalizedText description) {}

  /** An audience. */
  public record StarterAudience(String slug, LocalizedText name, LocalizedText description) {}

  private final List<StarterTheme> themes = new ArrayList<>();
  private final List<StarterAudience> audiences = new ArrayList<>();
  private final List<StarterProcedure> procedures = new ArrayList<>();
  private final List<StarterHighlight> highlights = new ArrayList<>();
  private final List<StarterNews> news = new ArrayList<>();

  private StarterCatalogue() {}

  /** Reads the starter catalogue, with placeholders replaced for a town. */
  public static StarterCatalogue forTown(Town town) {
    try (InputStream in = StarterCatalogue.class.getResourceAsStream(RESOURCE);
        JsonReader reader = Json.createReader(Objects.requireNonNull(in, RESOURCE))) {
      StarterCatalogue c = new StarterCatalogue();
      c.read(reader.readObject(), town);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<StarterTheme> themes() {
    return themes;
  }

  public List<StarterAudience> audiences() {
    return audiences;
  }

  public List<StarterProcedure> procedures() {
    return procedures;
  }

  public List<StarterHighlight> highlights() {
    return highlights;
  }

  public List<StarterNews> news() {
    return news;
  }

  private void read(JsonObject root, Town town) {
    Placeholders ph = new Placeholders(town);
    for (JsonObject t : objects(root, "themes")) {
      themes.add(
          new StarterTheme(
              t.getString("slug"), null, text(t, "name", ph), text(t, "description", ph)));
      for (JsonObject child : objects(t, "children")) {
        themes.add(
            new StarterTheme(
                child.getString("slug"),
                t.getString("slug"),
                text(child, "name", ph),
                text(child, "description", ph)));
      }
    }
    for (JsonObject a : objects(root, "audiences")) {
      audiences.add(
          new StarterAudience(
              a.getString("slug"), text(a, "name", ph), text(a, "description", ph)));
    }
    Map<String, JsonObject> places = new LinkedHashMap<>();
    root.getJsonObject("places").forEach((k, v) -> places.put(k, v.asJsonObject()));
    for (JsonObject p : objects(root, "procedures")) {
      List<ChannelSpec> channels = new ArrayList<>();
      for (JsonObject c : objects(p, "channels")) {
        channel(c, places, ph).ifPresent(channels::add);
      }
      List<UsefulLink.LinkSpec> links = new ArrayList<>();
      for (JsonObject l : objects(p, "links")) {
        links.add(new UsefulLink.LinkSpec(text(l, "label", ph), l.getString("url")));
      }
      ProcedureContent content =
          new ProcedureContent(
              text(p, "title", ph),
              text(p, "summary", ph),
              text(p, "body", ph),
              p.getString("keywords", null),
              text(p, "documents", ph),
              text(p, "cost", ph),
              text(p, "delay", ph),
              text(p, "contact", ph));
      procedures.add(
          new StarterProcedure(
              p.getString("slug"),
              new ProcedureChanges(
                  content,
                  channels,
                  links,
                  strings(p, "themes"),
                  strings(p, "audiences"),
                  strings(p, "related"),
                  true,
                  p.containsKey("rank") ? p.getInt("rank") : null)));
    }
    for (JsonObject h : objects(root, "highlights")) {
      highlights.add(
          new StarterHighlight(
              text(h, "title", ph),
              text(h, "text", ph),
              h.getString("link", null),
              h.getInt("startsInDays"),
              h.getInt("endsInDays"),
              h.getInt("priority", 0)));
    }
    for (JsonObject n : objects(root, "news")) {
      news.add(
          new StarterNews(
              text(n, "title", ph),
              text(n, "summary", ph),
              n.getString("link", null),
              n.getInt("daysAgo")));
    }
  }

  private static java.util.Optional<ChannelSpec> channel(
      JsonObject c, Map<String, JsonObject> places, Placeholders ph) {
    ChannelKind kind = ChannelKind.valueOf(c.getString("kind"));
    JsonObject place = c.containsKey("place") ? places.get(c.getString("place")) : null;
    if (c.containsKey("place") && place == null) {
      throw new IllegalStateException("Unknown place " + c.getString("place"));
    }
    LocalizedText label = text(c, "label", ph);
    if (label == null && place != null) {
      label = text(place, "name", ph);
    }
    LocalizedText hours = text(c, "hours", ph);
    if (hours == null && place != null) {
      hours = text(place, kind == ChannelKind.PHONE ? "phoneHours" : "hours", ph);
    }
    String address = null;
    if (kind == ChannelKind.COUNTER || kind == ChannelKind.MAIL) {
      address = c.containsKey("address") ? ph.apply(c.getString("address")) : ph.town.address();
    }
    String phone = c.getString("phone", null);
    if (kind == ChannelKind.PHONE && phone == null) {
      phone = ph.town.phone();
      if (phone == null) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(
        new ChannelSpec(
            kind,
            label,
            c.getString("url", null),
            address,
            hours,
            c.getBoolean("appointment", false),
            phone,
            text(c, "details", ph)));
  }

  /** A localized text given as {@code [fr, en]} or as a plain French string; null when absent. */
  private static LocalizedText text(JsonObject o, String key, Placeholders ph) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return LocalizedText.of(ph.apply(s.getString()), null);
    }
    JsonArray a = v.asJsonArray();
    return LocalizedText.of(
        ph.apply(a.getString(0)), a.size() > 1 ? ph.apply(a.getString(1)) : null);
  }

  private static List<JsonObject> objects(JsonObject o, String key) {
    return o.containsKey(key) ? o.getJsonArray(key).getValuesAs(JsonObject.class) : List.of();
  }

  private static List<String> strings(JsonObject o, String key) {
    return o.containsKey(key)
        ? o.getJsonArray(key).getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList()
        : List.of();
  }

  private record Placeholders(Town town) {
    String apply(String s) {
      return s.replace("{ville}", town.name())
          .replace("{mairie}", town.townHall())
          .replace("{adresse}", town.address());
    }
  }

  /** Stores the whole starter catalogue for the current town, in dependency order. */
  void storeWith(CatalogueEditing editing, EntityManager em, LocalDate today) {
    Map<String, Theme> stored = new LinkedHashMap<>();
    int position = 0;
    for (StarterTheme t : themes) {
      Theme parent = t.parent() == null ? null : stored.get(t.parent());
      Theme theme = new Theme(parent, t.slug(), t.name(), t.description(), position++);
      em.persist(theme);
      stored.put(t.slug(), theme);
    }
    position = 0;
    for (StarterAudience a : audiences) {
      em.persist(new Audience(a.slug(), a.name(), a.description(), position++));
    }
    // Related procedures are set once all procedures exist.
    for (StarterProcedure p : procedures) {
      editing.saveProcedure(p.slug(), withoutRelated(p.changes()));
    }
    for (StarterProcedure p : procedures) {
      editing.relate(p.slug(), p.changes().related());
    }
    for (StarterHighlight h : highlights) {
      em.persist(
          new Highlight(
              h.title(),
              h.text(),
              h.link(),
              today.plusDays(h.startsInDays()),
              today.plusDays(h.endsInDays()),
              h.priority()));
    }
    for (StarterNews n : news) {
      em.persist(new NewsItem(n.title(), n.summary(), n.link(), today.minusDays(n.daysAgo())));
    }
  }

  private static ProcedureChanges withoutRelated(ProcedureChanges c) {
    return new ProcedureChanges(
        c.content(),
        c.channels(),
        c.links(),
        c.themes(),
        c.audiences(),
        List.of(),
        c.published(),
        c.editorialRank());
  }
}
