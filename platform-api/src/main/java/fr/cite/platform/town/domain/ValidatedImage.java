package fr.cite.platform.town.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A raster image that passed the platform's checks: PNG or JPEG by its magic bytes (never by what
 * the client claims), within size and dimension limits, decodable, and re-encoded from its pixels
 * (what is stored and served is never the uploaded file itself).
 */
public record ValidatedImage(
    String contentType, byte[] bytes, int width, int height, String sha256) {

  public static final int MAX_BYTES = 512 * 1024;
  public static final int MAX_SIDE = 2000;

  /** Why an image was refused; each reason has a message in the problems bundle. */
  public enum Rejection {
    EMPTY,
    TOO_LARGE,
    NOT_PNG_OR_JPEG,
    UNREADABLE,
    TOO_MANY_PIXELS
  }

  /** Checks raw bytes; returns the image or the reason it was refused. */
  public static Result check(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new Result(null, Rejection.EMPTY);
    }
    if (bytes.length > MAX_BYTES) {
      return new Result(null, Rejection.TOO_LARGE);
    }
    Optional<String> type = sniff(bytes);
    if (type.isEmpty()) {
      return new Result(null, Rejection.NOT_PNG_OR_JPEG);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return new Result(null, Rejection.UNREADABLE);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w > MAX_SIDE || h > MAX_SIDE || w < 1 || h < 1) {
          return new Result(null, Rejection.TOO_MANY_PIXELS);
        }
        java.awt.image.BufferedImage decoded = reader.read(0);
        if (decoded == null) {
          return new Result(null, Rejection.UNREADABLE);
        }
        byte[] clean = reencode(decoded, type.get());
        return new Result(new ValidatedImage(type.get(), clean, w, h, sha256(clean)), null);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new Result(null, Rejection.UNREADABLE);
    }
  }

  /**
   * The pixels written anew, so that nothing but them is stored and served: no metadata (EXIF,
   * comments), no chunks or trailing bytes a crafted file could carry.
   */
  static byte[] reencode(java.awt.image.BufferedImage image, String contentType)
      throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    if ("image/png".equals(contentType)) {
      ImageIO.write(image, "png", out);
    } else {
      java.awt.image.BufferedImage rgb =
          new java.awt.image.BufferedImage(
              image.getWidth(), image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = rgb.createGraphics();
      try {
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
      } finally {
        g.dispose();
      }
      javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
      javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.write(null, new javax.imageio.IIOImage(rgb, null, null), param);
      } finally {
        writer.dispose();
      }
    }
    return out.toByteArray();
  }

  static Optional<String> sniff(byte[] b) {
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a) {
      return Optional.of("image/png");
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Either an image or a rejection. */
  public record Result(ValidatedImage image, Rejection rejection) {
    public boolean accepted() {
      return image != null;
    }
  }
}
