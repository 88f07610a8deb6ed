package fr.cite.portal.incidents;

import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.application.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Readable addresses of the incident pages ({@code /signalements}, {@code /signalements/carte},
 * {@code /signalements/{id}}), and what makes them an installable web app per town: its manifest
 * (the town's name and colour) and its icons (the town's initials on its colour), and the service
 * worker, served from {@code /signalements/} so that its scope is the reporting pages.
 */
public class IncidentUrls extends HttpFilter {

  private static final Pattern ONE = Pattern.compile("/signalements/([0-9]{1,18})/?");
  private static final Pattern ICON = Pattern.compile("/signalements/icon-(192|512)\\.png");

  @Inject RequestHost host;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    Matcher m;
    if (path.equals("/signalements") || path.equals("/signalements/")) {
      req.getRequestDispatcher("/signalements/index.xhtml").forward(req, res);
    } else if (path.equals("/signalements/carte") || path.equals("/signalements/carte/")) {
      req.getRequestDispatcher("/signalements/carte.xhtml").forward(req, res);
    } else if ((m = ONE.matcher(path)).matches()) {
      req.getRequestDispatcher("/signalements/signalement.xhtml?id=" + m.group(1))
          .forward(req, res);
    } else if (path.equals("/signalements/manifest.webmanifest") && host.town().isPresent()) {
      manifest(host.town().get(), req, res);
    } else if ((m = ICON.matcher(path)).matches() && host.town().isPresent()) {
      icon(host.town().get(), Integer.parseInt(m.group(1)), res);
    } else if (path.equals("/signalements/sw.js")) {
      res.setHeader("Service-Worker-Allowed", req.getContextPath() + "/signalements/");
      res.setHeader("Cache-Control", "no-cache");
      chain.doFilter(req, res);
    } else {
      chain.doFilter(req, res);
    }
  }

  private static void manifest(TenantSnapshot town, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String base = req.getContextPath() + "/signalements/";
    String colour = town.primaryColor() == null ? "#1f4e79" : town.primaryColor().toString();
    String json =
        "{\"name\":"
            + jakarta.json.Json.createValue("Signalements — " + town.name())
            + ",\"short_name\":"
            + jakarta.json.Json.createValue(shortName(town.name()))
            + ",\"lang\":\"fr\",\"start_url\":\""
            + base
            + "\",\"scope\":\""
            + base
            + "\",\"display\":\"standalone\",\"background_color\":\"#ffffff\",\"theme_color\":"
            + jakarta.json.Json.createValue(colour)
            + ",\"icons\":[{\"src\":\""
            + base
            + "icon-192.png\",\"sizes\":\"192x192\",\"type\":\"image/png\"},{\"src\":\""
            + base
            + "icon-512.png\",\"sizes\":\"512x512\",\"type\":\"image/png\",\"purpose\":\"any"
            + " maskable\"}]}";
    res.setContentType("application/manifest+json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  }

  static String shortName(String name) {
    return name.length() <= 12 ? name : name.substring(0, 12).strip();
  }

  private static void icon(TenantSnapshot town, int size, HttpServletResponse res)
      throws IOException {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(
        town.primaryColor() == null
            ? new Color(0x1f4e79)
            : Color.decode(town.primaryColor().toString()));
    g.fillRect(0, 0, size, size);
    g.setColor(Color.WHITE);
    String letters = fr.cite.portal.web.PortalPage.monogramOf(town.name());
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 2 / 5));
    int w = g.getFontMetrics().stringWidth(letters);
    g.drawString(letters, (size - w) / 2, size / 2 + g.getFontMetrics().getAscent() / 3);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    res.setContentType("image/png");
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.getOutputStream().write(out.toByteArray());
  }
}
