package fr.cite.platform.incidents.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2's two formats from one tree: ordered maps of strings, numbers, booleans,
 * nulls, lists and maps; in JSON as they are, in XML with the element names the specification gives
 * for the root and each list's items; datetimes as W3C with the town's offset.
 */
public enum Open311Format {
  JSON("application/json; charset=UTF-8"),
  XML("text/xml; charset=UTF-8");

  static final ZoneId TOWN = ZoneId.of("Europe/Paris");

  private final String mediaType;

  Open311Format(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  static Open311Format of(String extension) {
    return "xml".equals(extension) ? XML : JSON;
  }

  /** A W3C datetime with offset ({@code 2026-12-03T11:02:03+01:00}), or null. */
  static String datetime(Instant i) {
    return i == null
        ? null
        : OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.SECONDS), TOWN)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * A list (as JSON an array; as XML {@code <root><item>…</item></root>}), or one object when
   * {@code item} is null (as XML {@code <root>…</root>}).
   */
  String write(String root, String item, Object value) {
    if (this == JSON) {
      return json(value);
    }
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    s.append('<').append(root).append('>');
    if (item == null) {
      xmlFields(s, (Map<?, ?>) value);
    } else {
      for (Object o : (List<?>) value) {
        xml(s, item, o);
      }
    }
    return s.append("</").append(root).append('>').toString();
  }

  private static String json(Object value) {
    if (value instanceof List<?> l) {
      return array(l).build().toString();
    }
    return object((Map<?, ?>) value).build().toString();
  }

  private static JsonArrayBuilder array(List<?> list) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (Object o : list) {
      if (o == null) {
        a.addNull();
      } else if (o instanceof Map<?, ?> m) {
        a.add(object(m));
      } else if (o instanceof List<?> l) {
        a.add(array(l));
      } else if (o instanceof Double d) {
        a.add(d);
      } else if (o instanceof Number n) {
        a.add(n.longValue());
      } else if (o instanceof Boolean b) {
        a.add(b);
      } else {
        a.add(o.toString());
      }
    }
    return a;
  }

  private static JsonObjectBuilder object(Map<?, ?> map) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String k = e.getKey().toString();
      Object o = e.getValue();
      if (o == null) {
        b.addNull(k);
      } else if (o instanceof Map<?, ?> m) {
        b.add(k, object(m));
      } else if (o instanceof ItemList l) {
        b.add(k, array(l.items()));
      } else if (o instanceof List<?> l) {
        b.add(k, array(l));
      } else if (o instanceof Double d) {
        b.add(k, d);
      } else if (o instanceof Number n) {
        b.add(k, n.longValue());
      } else if (o instanceof Boolean bo) {
        b.add(k, bo);
      } else {
        b.add(k, o.toString());
      }
    }
    return b;
  }

  /** A list inside an object, with the XML name of its items. */
  record ItemList(String item, List<?> items) {}

  private static void xml(StringBuilder s, String name, Object o) {
    s.append('<').append(name).append('>');
    if (o instanceof Map<?, ?> m) {
      xmlFields(s, m);
    } else if (o instanceof ItemList l) {
      for (Object i : l.items()) {
        xml(s, l.item(), i);
      }
    } else if (o instanceof List<?> l) {
      for (Object i : l) {
        xml(s, "item", i);
      }
    } else if (o != null) {
      escape(s, o.toString());
    }
    s.append("</").append(name).append('>');
  }

  private static void xmlFields(StringBuilder s, Map<?, ?> m) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      xml(s, e.getKey().toString(), e.getValue());
    }
  }

  private static void escape(StringBuilder s, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            s.append(c);
          }
        }
      }
    }
  }
}
