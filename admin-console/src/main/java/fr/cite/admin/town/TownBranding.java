package fr.cite.admin.town;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.audit.domain.AuditEntry;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import fr.cite.platform.tenancy.domain.Branding;
import fr.cite.platform.tenancy.domain.HexColor;
import fr.cite.platform.towns.application.TownOperations;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

/**
 * The town's colours, edited by its administrators with a live preview and the contrasts that
 * decide whether they are accepted: text on each colour must reach 4.5:1 (WCAG 1.4.3, the portal
 * picks black or white), and the primary colour, used for the header and buttons, must stand out
 * from the white page by 3:1 (WCAG 1.4.11). Saved colours show on the portal at once.
 */
@Named("townBranding")
@ViewScoped
public class TownBranding implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Minimum contrast of the primary colour against the page (non-text contrast). */
  public static final double MIN_AGAINST_PAGE = 3.0;

  private static final HexColor WHITE = HexColor.of("#ffffff");

  @Inject RequestHost host;

  @Inject TownOperations operations;

  private String primary;
  private String secondary;
  private transient org.primefaces.model.file.UploadedFile logo;

  @PostConstruct
  void load() {
    TenantSnapshot t = host.town().orElseThrow();
    primary = t.primaryColor().value();
    secondary = t.secondaryColor().value();
  }

  public void save() {
    Optional<HexColor> p = parse(primary);
    Optional<HexColor> s = parse(secondary);
    if (p.isEmpty() || s.isEmpty()) {
      ConsoleMessages.error("branding.invalid");
      return;
    }
    if (p.get().contrastWith(WHITE) < MIN_AGAINST_PAGE) {
      ConsoleMessages.error("branding.tooLight");
      return;
    }
    operations.rebrand(
        host.town().orElseThrow().slug(),
        new Branding(p.get(), s.get()),
        AuditEntry.ActorKind.TOWN_STAFF);
    ConsoleMessages.info("branding.saved", null);
  }

  /** Replaces the logo with the uploaded file, checked and re-encoded (PNG or JPEG only). */
  public void uploadLogo() {
    if (logo == null || logo.getSize() == 0) {
      ConsoleMessages.error("branding.noFile");
      return;
    }
    try {
      operations.replaceLogo(
          host.town().orElseThrow().slug(), logo.getContent(), AuditEntry.ActorKind.TOWN_STAFF);
      ConsoleMessages.info("branding.logoSaved", null);
    } catch (fr.cite.platform.problem.ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    } finally {
      logo = null;
    }
  }

  public org.primefaces.model.file.UploadedFile getLogo() {
    return logo;
  }

  public void setLogo(org.primefaces.model.file.UploadedFile logo) {
    this.logo = logo;
  }

  static Optional<HexColor> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!v.startsWith("#")) {
      v = "#" + v;
    }
    try {
      return Optional.of(HexColor.of(v));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Contrast of text (black or white, whichever the portal picks) on a colour, e.g. "8.6:1". */
  public String textContrast(String colour) {
    return parse(colour).map(c -> ratio(c.contrastWith(c.readableText()))).orElse("—");
  }

  public String pageContrast() {
    return parse(primary).map(c -> ratio(c.contrastWith(WHITE))).orElse("—");
  }

  public boolean isAcceptable() {
    return parse(primary).filter(c -> c.contrastWith(WHITE) >= MIN_AGAINST_PAGE).isPresent()
        && parse(secondary).isPresent();
  }

  /** Style of the preview: the colours as the portal would use them. */
  public String previewStyle(String colour) {
    return parse(colour)
        .map(c -> "background:" + c.value() + ";color:" + c.readableText().value())
        .orElse("");
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.1f:1", r);
  }

  public String getPrimary() {
    return primary;
  }

  public void setPrimary(String primary) {
    this.primary = primary;
  }

  public String getSecondary() {
    return secondary;
  }

  public void setSecondary(String secondary) {
    this.secondary = secondary;
  }
}
