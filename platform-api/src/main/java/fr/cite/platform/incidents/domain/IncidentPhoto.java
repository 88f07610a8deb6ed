package fr.cite.platform.incidents.domain;

import fr.cite.platform.requests.domain.CheckedFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A report's photo as the server keeps it: a JPEG or PNG checked like any file of the request model
 * (magic bytes, 10 MB, 40 million pixels, decodable), reduced to 1,600 pixels on its long side and
 * re-encoded as a JPEG, which carries no EXIF (so no GPS position, no camera serial). An agent may
 * hide parts of it (a face, a number plate) before it is public.
 */
public record IncidentPhoto(byte[] jpeg, int width, int height) {

  public static final int LONG_SIDE = 1600;

  /** A rectangle to hide, in fractions of the photo's width and height (0 to 1). */
  public record Mask(double x, double y, double w, double h) {
    public Mask {
      if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1.0001 && y + h <= 1.0001)) {
        throw new IllegalArgumentException("A mask lies inside the photo");
      }
    }
  }

  /** The photo, or why it is refused ({@code type}: neither JPEG nor PNG). */
  public record Outcome(Optional<IncidentPhoto> photo, CheckedFile.Refusal refusal) {}

  public static Outcome prepare(String fileName, byte[] bytes) {
    CheckedFile.Outcome checked = CheckedFile.check(fileName, bytes);
    if (checked.file().isEmpty()) {
      return new Outcome(Optional.empty(), checked.refusal());
    }
    if (!checked.file().get().contentType().startsWith("image/")) {
      return new Outcome(Optional.empty(), CheckedFile.Refusal.TYPE);
    }
    BufferedImage image = read(checked.file().get().content());
    if (image == null) {
      return new Outcome(Optional.empty(), CheckedFile.Refusal.UNREADABLE);
    }
    double scale =
        Math.min(1.0, (double) LONG_SIDE / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return new Outcome(Optional.of(new IncidentPhoto(jpeg(out), w, h)), null);
  }

  /** The photo with the rectangles painted over (solid, not blurred: nothing to undo). */
  public static byte[] masked(byte[] jpeg, List<Mask> masks) {
    BufferedImage image = read(jpeg);
    if (image == null) {
      throw new IllegalArgumentException("Not a photo");
    }
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.setColor(new Color(0x3a, 0x3a, 0x3a));
    for (Mask m : masks) {
      g.fillRect(
          (int) Math.floor(m.x() * image.getWidth()),
          (int) Math.floor(m.y() * image.getHeight()),
          (int) Math.ceil(m.w() * image.getWidth()),
          (int) Math.ceil(m.h() * image.getHeight()));
    }
    g.dispose();
    return jpeg(out);
  }

  private static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "jpeg", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
