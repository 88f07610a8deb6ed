package fr.cite.devstack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws a plain heraldic-style shield in two colours as a PNG, so that demo towns have a logo to
 * show without shipping anyone's real coat of arms. Shapes only: no font is needed.
 */
final class DemoEmblem {

  private DemoEmblem() {}

  static byte[] png(Color field, Color charge, int variant) throws IOException {
    int w = 96;
    int h = 112;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Path2D shield = new Path2D.Double();
      shield.moveTo(6, 6);
      shield.lineTo(w - 6, 6);
      shield.lineTo(w - 6, 58);
      shield.curveTo(w - 6, 86, w / 2.0 + 10, 100, w / 2.0, h - 6);
      shield.curveTo(w / 2.0 - 10, 100, 6, 86, 6, 58);
      shield.closePath();
      g.setColor(field);
      g.fill(shield);
      g.setClip(shield);
      g.setColor(charge);
      if (variant % 2 == 0) {
        g.fillRect(0, 38, w, 24);
        g.fillRect(w / 2 - 12, 0, 24, h);
      } else {
        for (int x = -h; x < w; x += 28) {
          g.fillPolygon(new int[] {x, x + 14, x + 14 + h, x + h}, new int[] {0, 0, h, h}, 4);
        }
      }
      g.setClip(null);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(4f));
      g.draw(shield);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
