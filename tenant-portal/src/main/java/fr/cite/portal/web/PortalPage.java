package fr.cite.portal.web;

import fr.cite.platform.tenancy.application.HostResolution;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import fr.cite.platform.town.application.TownProfile;
import fr.cite.platform.town.application.TownProfileCache;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What every portal page needs: the town (name, colours, logo), the reader's language, and the
 * town's profile for the home page. Loaded once per request.
 */
@Named("portal")
@RequestScoped
public class PortalPage {

  @Inject RequestHost host;

  @Inject TownProfileCache profiles;

  private TownProfile profile;

  public Optional<TenantSnapshot> town() {
    return host.town();
  }

  public TenantSnapshot getTown() {
    return host.town().orElse(null);
  }

  /** The town's profile (offices, logo), read at the first use in the request. */
  public TownProfile getProfile() {
    if (profile == null && host.town().isPresent()) {
      profile = profiles.current();
    }
    return profile;
  }

  public Locale getLocale() {
    return host.locale();
  }

  public String getLanguage() {
    return host.locale().getLanguage();
  }

  /** The other language, offered by the language switch. */
  public String getOtherLanguage() {
    return "en".equals(getLanguage()) ? "fr" : "en";
  }

  /** The town's colours as CSS custom properties; values are validated {@code #rrggbb}. */
  public String getThemeCss() {
    return themeCss(getTown());
  }

  /** Changes whenever the town's colours do, so that browsers fetch the new stylesheet at once. */
  public String getThemeVersion() {
    return Integer.toHexString(getThemeCss().hashCode());
  }

  /** The CSS of a town's colours (served as {@code /theme.css}, never inline). */
  public static String themeCss(TenantSnapshot t) {
    if (t == null) {
      return "";
    }
    return ":root{--town-primary:"
        + t.primaryColor()
        + ";--town-on-primary:"
        + t.primaryColor().readableText()
        + ";--town-secondary:"
        + t.secondaryColor()
        + ";--town-on-secondary:"
        + t.secondaryColor().readableText()
        + ";--town-link:"
        + t.primaryColor().readableOn(fr.cite.platform.tenancy.domain.HexColor.of("#f6f6f6"), 4.5)
        + "}";
  }

  /** Two letters standing for the town when it has no logo yet ("LH" for Le Havre). */
  public String getMonogram() {
    TenantSnapshot t = getTown();
    return t == null ? "" : monogramOf(t.name());
  }

  /** Two capitals of a town's name ("LH" for Le Havre), or its first letter. */
  public static String monogramOf(String name) {
    StringBuilder sb = new StringBuilder();
    for (String word : name.split("[\\s'’-]+")) {
      if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0)) && sb.length() < 2) {
        sb.appendCodePoint(word.codePointAt(0));
      }
    }
    return sb.length() == 0 ? name.substring(0, 1).toUpperCase(Locale.ROOT) : sb.toString();
  }

  /** "du Havre" in French, "of Le Havre" in English: what follows "the portal". */
  public String getTownOf() {
    TenantSnapshot t = getTown();
    if (t == null) {
      return "";
    }
    return "en".equals(getLanguage()) ? "of " + t.name() : t.nameWithPreposition();
  }

  /** Name of the suspended town whose host received the request, for the "suspended" page. */
  public String getSuspendedTownName() {
    return host.resolution() instanceof HostResolution.Suspended s ? s.tenant().name() : "";
  }

  /** A {@code tel:} link for a phone number as people write it ("02 35 19 45 45"). */
  public String telHref(String phone) {
    return "tel:" + phone.replaceAll("[^+0-9]", "");
  }

  public String joined(java.util.List<String> values) {
    return String.join(", ", values);
  }

  public String formatNumber(Integer n) {
    return n == null
        ? ""
        : NumberFormat.getIntegerInstance(getLocale()).format(n).replace('\u202f', ' ');
  }

  /** A text of the portal's bundle in the page's language. */
  public static String text(String key) {
    jakarta.faces.context.FacesContext faces =
        jakarta.faces.context.FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
  }
}
