package fr.cite.platform.requests.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A file a citizen or an agent joined to a request, checked: at most {@link #MAX_BYTES}; a PDF, a
 * PNG or a JPEG recognised by its first bytes (whatever its name or declared type says); images
 * decoded and re-encoded, which drops what they carry besides pixels (EXIF, with the position where
 * a phone took the photo); a file name without path or control characters.
 */
public record CheckedFile(String fileName, String contentType, byte[] content, String sha256) {

  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Largest side of an image kept; larger photos are refused rather than decoded. */
  public static final int MAX_PIXELS = 40_000_000;

  /** Why a file is refused; the problem code is {@code attachment-<reason>}. */
  public enum Refusal {
    EMPTY,
    TOO_LARGE,
    TYPE,
    UNREADABLE
  }

  /** A checked file, or why it was refused. */
  public record Outcome(Optional<CheckedFile> file, Refusal refusal) {}

  public static Outcome check(String name, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return refused(Refusal.EMPTY);
    }
    if (bytes.length > MAX_BYTES) {
      return refused(Refusal.TOO_LARGE);
    }
    String safeName = safeName(name);
    if (startsWith(bytes, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      return accepted(withExtension(safeName, ".pdf"), "application/pdf", bytes);
    }
    boolean png =
        startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    boolean jpeg = startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    if (!png && !jpeg) {
      return refused(Refusal.TYPE);
    }
    try {
      var readers =
          ImageIO.getImageReaders(ImageIO.createImageInputStream(new ByteArrayInputStream(bytes)));
      if (!readers.hasNext()) {
        return refused(Refusal.UNREADABLE);
      }
      var reader = readers.next();
      try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
        reader.setInput(in);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          return refused(Refusal.TOO_LARGE);
        }
        BufferedImage image = reader.read(0);
        BufferedImage rgb =
            new BufferedImage(
                image.getWidth(),
                image.getHeight(),
                png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, png ? "png" : "jpeg", out);
        return accepted(
            withExtension(safeName, png ? ".png" : ".jpg"),
            png ? "image/png" : "image/jpeg",
            out.toByteArray());
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return refused(Refusal.UNREADABLE);
    }
  }

  private static Outcome accepted(String name, String type, byte[] bytes) {
    return new Outcome(Optional.of(new CheckedFile(name, type, bytes, sha256(bytes))), null);
  }

  private static Outcome refused(Refusal r) {
    return new Outcome(Optional.empty(), r);
  }

  static String safeName(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
    if (n.isEmpty()) {
      n = "fichier";
    }
    return n.length() > 120 ? n.substring(n.length() - 120) : n;
  }

  private static String withExtension(String name, String extension) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"))) {
      return name;
    }
    return name + extension;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
